import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Button from '@helsenorge/designsystem-react/components/Button';
import styles from './ErrorPanel.module.scss';

export interface ErrorPanelProps {
  /** What went wrong, in the reader's words. */
  message: string;
  /** Offers a "try again" button when given. */
  onRetry?: (() => void) | undefined;
  /** The button's text, in the app's language. */
  retryLabel: string;
}

/** A failed load or save, said plainly, with a way to try again. */
export function ErrorPanel({ message, onRetry, retryLabel }: ErrorPanelProps) {
  return (
    <div className={styles.notice}>
      <NotificationPanel variant="error">
        <p className={styles.text}>{message}</p>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {retryLabel}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}
