import { LoadingStatus } from '@innboks/web-base/loading-status';
import { useMessages } from '../i18n/use-messages.ts';

/** The shared loading placeholder, in the citizen's language. */
export function PageLoader() {
  const { m } = useMessages();
  return <LoadingStatus label={m.app.loading} />;
}
