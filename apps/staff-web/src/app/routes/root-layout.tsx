import { Outlet } from 'react-router';
import { PageShell } from '@innboks/web-base/page-shell';
import { useMessages } from '../../i18n/use-messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Footer } from '../../features/layout/components/Footer.tsx';
import { Header } from '../../features/layout/components/Header.tsx';
import { useSession } from '../../features/session/api/get-session.ts';
import { LogoutButton } from '../../features/session/components/LogoutButton.tsx';
import { StartPage } from '../../features/session/components/StartPage.tsx';
import styles from './root-layout.module.scss';

/** Skip link, banner with who is logged in, the page (the start page when logged out), and the help footer. */
export function RootLayout() {
  const { m } = useMessages();
  const session = useSession();
  const staff = session.data?.staff;
  return (
    <PageShell skipLinkLabel={m.skipToContent} header={<Header staffName={staff?.name} logout={staff ? <LogoutButton /> : undefined} operator={staff?.operator} />} footer={<Footer />} mainClassName={styles.column}>
      {session.isPending && <PageLoader />}
      {session.isError && <ErrorNotice message={m.genericError} onRetry={() => void session.refetch()} />}
      {session.data === null && <StartPage />}
      {session.data && <Outlet />}
    </PageShell>
  );
}
