import { LoadingStatus } from '@innboks/web-base/loading-status';
import { useMessages } from '../i18n/use-messages.ts';

/** The shared loading placeholder, in Norwegian. */
export function PageLoader() {
  const { m } = useMessages();
  return <LoadingStatus label={m.loading} />;
}
