import { Navigate } from 'react-router';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useSession } from '../../features/session/api/get-session.ts';
import { StartPage } from '../../features/session/components/StartPage.tsx';

/** `/`: the start page when logged out; straight on to the inbox when logged in. */
export function StartRoute() {
  const session = useSession();
  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to="/innboks" replace />;
  // Logged out, or the session check failed: either way, logging in is the way forward.
  return <StartPage />;
}
