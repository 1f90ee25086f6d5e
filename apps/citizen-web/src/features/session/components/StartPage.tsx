import Button from '@helsenorge/designsystem-react/components/Button';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { LoggedOutNotice } from './LoggedOutNotice.tsx';
import styles from './StartPage.module.scss';

/** Where login starts; a browser navigation, so the identity provider can take over the page. */
export const loginHref = `/auth/login?returnTo=${encodeURIComponent('/innboks')}`;

/** The logged-out front page: what Innboks is, and the way in. */
export function StartPage() {
  const { m } = useMessages();
  useDocumentTitle(m.start.pageTitle, m.app.titleSuffix);

  return (
    <div className={styles.start}>
      <LoggedOutNotice />
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 0, marginBottom: 1.5 }}>
        {m.start.heading}
      </Title>
      <p className={styles.lead}>{m.start.lead}</p>
      <p>{m.start.points}</p>
      <div className={styles.login}>
        <Button htmlMarkup="a" href={loginHref} size="large" arrow="icon">
          {m.start.login}
        </Button>
        <p className={styles.hint}>{m.start.loginHint}</p>
      </div>
    </div>
  );
}
