import styles from './StatusTag.module.scss';

export interface StatusTagProps {
  children: string;
  /** `important` stands out (a letter marked important); `neutral` is a quiet fact (archived, sent by you). */
  tone?: 'important' | 'neutral';
}

/** A short word about a letter beside its subject: "Viktig", "Arkivert", "Sendt av deg". Text, so it is read as it is shown. */
export function StatusTag({ children, tone = 'neutral' }: StatusTagProps) {
  return <span className={tone === 'important' ? styles.important : styles.neutral}>{children}</span>;
}
