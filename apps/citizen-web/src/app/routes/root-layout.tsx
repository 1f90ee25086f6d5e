import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoader } from '../../components/PageLoader.tsx';
import { AppShell } from '../../features/layout/components/AppShell.tsx';
import { Header } from '../../features/layout/components/Header.tsx';
import { useSession } from '../../features/session/api/get-session.ts';
import { LogoutButton } from '../../features/session/components/LogoutButton.tsx';
import { useSessionExpiry } from '../../features/session/use-session-expiry.ts';

/** Header, main and footer around every page; the header knows who is logged in. */
export function RootLayout() {
  const session = useSession();
  const citizen = session.data?.citizen;
  useSessionExpiry(session.data?.idleTimeoutSeconds);

  return (
    <AppShell header={<Header citizenName={citizen?.name} logout={citizen ? <LogoutButton /> : undefined} />}>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
