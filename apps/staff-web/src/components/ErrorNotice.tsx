import { ErrorPanel } from '@innboks/web-base/error-panel';
import { m } from '../i18n/nb.ts';

/** The shared error panel, with "try again" in Norwegian. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return <ErrorPanel message={message} onRetry={onRetry} retryLabel={m.retry} />;
}
