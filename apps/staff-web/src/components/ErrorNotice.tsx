import { ErrorPanel } from '@innboks/web-base/error-panel';
import { useMessages } from '../i18n/use-messages.ts';

/** The shared error panel, with "try again" in Norwegian. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { m } = useMessages();
  return <ErrorPanel message={message} onRetry={onRetry} retryLabel={m.retry} />;
}
