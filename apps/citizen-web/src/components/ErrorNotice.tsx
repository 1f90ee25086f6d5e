import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useMessages } from '../i18n/use-messages.ts';
import styles from './ErrorNotice.module.scss';

export interface ErrorNoticeProps {
  /** What went wrong, in the citizen's words. */
  message: string;
  /** Offers a "try again" button when given. */
  onRetry?: () => void;
}

/** A failed load or save, said plainly, with a way to try again. */
export function ErrorNotice({ message, onRetry }: ErrorNoticeProps) {
  const { m } = useMessages();
  return (
    <div className={styles.notice}>
      <NotificationPanel variant="error">
        <p className={styles.text}>{message}</p>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {m.app.retry}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}
