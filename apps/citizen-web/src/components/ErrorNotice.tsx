import { ErrorPanel } from '@innboks/web-base/error-panel';
import { useMessages } from '../i18n/use-messages.ts';

export interface ErrorNoticeProps {
  /** What went wrong, in the citizen's words. */
  message: string;
  /** Offers a "try again" button when given. */
  onRetry?: () => void;
}

/** The shared error panel, with "try again" in the citizen's language. */
export function ErrorNotice({ message, onRetry }: ErrorNoticeProps) {
  const { m } = useMessages();
  return <ErrorPanel message={message} onRetry={onRetry} retryLabel={m.app.retry} />;
}
