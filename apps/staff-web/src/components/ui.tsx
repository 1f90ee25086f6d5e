import { useEffect, type ReactNode } from 'react';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Button from '@helsenorge/designsystem-react/components/Button';
import { m } from '../i18n/nb.ts';
import styles from './ui.module.scss';

export function PageLoader() {
  return (
    <div className={styles.loader} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{m.loading}</span>
    </div>
  );
}

export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className={styles.notice}>
      <NotificationPanel variant="error">
        <p>{message}</p>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {m.retry}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – ${m.titleSuffix}`;
  }, [title]);
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
