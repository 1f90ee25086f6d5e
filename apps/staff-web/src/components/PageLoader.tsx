import { LoadingStatus } from '@innboks/web-base/loading-status';
import { m } from '../i18n/nb.ts';

/** The shared loading placeholder, in Norwegian. */
export function PageLoader() {
  return <LoadingStatus label={m.loading} />;
}
