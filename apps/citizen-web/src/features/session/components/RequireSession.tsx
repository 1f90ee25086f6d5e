import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useSession } from '../api/get-session.ts';
import type { LoginState } from '../login-href.ts';

/**
 * Shows its children only to a logged-in citizen. Without a session (including after any
 * 401, which clears the cached session), it sends the browser to the start page, which
 * logs in back to this page (a letter from a notice or a bookmark).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { m } = useMessages();
  const session = useSession();
  const { pathname, search, hash } = useLocation();

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ErrorNotice message={m.app.genericError} onRetry={() => void session.refetch()} />;
  if (session.data === null) return <Navigate to="/" replace state={{ returnTo: `${pathname}${search}${hash}` } satisfies LoginState} />;
  return children;
}
