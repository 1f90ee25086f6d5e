import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageShell } from '@innboks/web-base/page-shell';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Footer } from '../../features/layout/components/Footer.tsx';
import { Header } from '../../features/layout/components/Header.tsx';
import { LanguageSwitch } from '../../features/language/components/LanguageSwitch.tsx';
import { useSession } from '../../features/session/api/get-session.ts';
import { LogoutButton } from '../../features/session/components/LogoutButton.tsx';
import { useSessionExpiry } from '../../features/session/use-session-expiry.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { format } from '../../i18n/format.ts';
import { DocumentTitleContext } from '@innboks/web-base/use-document-title';
import { useActingFor } from '../../features/representation/api/representation.ts';
import { ActingForBanner } from '../../features/representation/components/ActingForBanner.tsx';
import styles from './root-layout.module.scss';

/** Header, main and footer around every page; the header knows who is logged in. */
export function RootLayout() {
  const { m } = useMessages();
  const session = useSession();
  const citizen = session.data?.citizen;
  useSessionExpiry(session.data?.idleTimeoutSeconds);
  // Whom the citizen acts for: named in a banner in the header and in every page's title.
  const actingFor = useActingFor(citizen !== undefined);

  return (
    <DocumentTitleContext value={actingFor ? format(m.representation.titleActing, { name: actingFor.name }) : undefined}>
      <PageShell
        skipLinkLabel={m.app.skipToContent}
        header={<Header citizenName={citizen?.name} logout={citizen ? <LogoutButton /> : undefined} languageSwitch={<LanguageSwitch loggedIn={citizen !== undefined} />} actingFor={citizen ? <ActingForBanner actingFor={actingFor} /> : undefined} />}
        footer={<Footer />}
        mainClassName={styles.column}
      >
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </PageShell>
    </DocumentTitleContext>
  );
}
