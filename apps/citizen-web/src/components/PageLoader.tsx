import { useMessages } from '../i18n/use-messages.ts';
import styles from './PageLoader.module.scss';

/** A calm placeholder while a page or its data loads; announced politely. */
export function PageLoader() {
  const { m } = useMessages();
  return (
    <div className={styles.loader} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{m.app.loading}</span>
    </div>
  );
}
