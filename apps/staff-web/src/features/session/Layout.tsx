import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import Title from '@helsenorge/designsystem-react/components/Title';
import { format, m } from '../../i18n/nb.ts';
import { ErrorNotice, PageLoader, useDocumentTitle } from '../../components/ui.tsx';
import { useLogout, useSession } from './session.ts';
import styles from './Layout.module.scss';

/** Skip link, banner with who is logged in, and the page; the start page when logged out. */
export function Layout() {
  const session = useSession();
  const logout = useLogout();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const staff = session.data?.staff;
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main">
        {m.skipToContent}
      </a>
      <header className={styles.header}>
        <div className={styles.inner}>
          <Link to="/" className={styles.brand}>
            {m.appName}
          </Link>
          {staff && (
            <div className={styles.user}>
              <span>
                <span className="visually-hidden">{format(m.loggedInAs, { name: staff.name })}</span>
                <span aria-hidden="true" data-testid="staff-name">
                  {staff.name}
                </span>
              </span>
              <Button variant="outline" onClick={() => logout.mutate()} disabled={logout.isPending}>
                {m.logout}
              </Button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {session.isPending && <PageLoader />}
        {session.isError && <ErrorNotice message={m.genericError} onRetry={() => void session.refetch()} />}
        {session.data === null && <StartPage />}
        {session.data && <Outlet />}
      </main>
    </div>
  );
}

function StartPage() {
  useDocumentTitle(m.start.title);
  const returnTo = `/ansatt${window.location.pathname.replace(/^\/ansatt/, '')}`;
  return (
    <div className={styles.start}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
        {m.start.heading}
      </Title>
      <p>{m.start.lead}</p>
      <p>{m.start.needToKnow}</p>
      <a className={styles.loginLink} href={`/ansatt/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
        {m.start.login}
      </a>
    </div>
  );
}
