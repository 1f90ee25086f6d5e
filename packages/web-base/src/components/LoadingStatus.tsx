import styles from './LoadingStatus.module.scss';

/** A calm placeholder while a page or its data loads; announced politely. */
export function LoadingStatus({ label }: { label: string }) {
  return (
    <div className={styles.loader} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
