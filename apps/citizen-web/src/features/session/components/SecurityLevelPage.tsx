import { useSearchParams } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { loginHref } from '../login-href.ts';
import styles from './StartPage.module.scss';

/**
 * Where the server sends a login below the required level (`/innlogging/sikkerhetsniva`):
 * why, which ways in are high enough, and a fresh login that asks the provider for that
 * level — back to the page the citizen was going to. The footer has the help desk.
 */
export function SecurityLevelPage() {
  const { m } = useMessages();
  const s = m.securityLevel;
  const [params] = useSearchParams();
  useDocumentTitle(s.pageTitle, m.app.titleSuffix);

  return (
    <div className={styles.start}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 0, marginBottom: 1.5 }}>
        {s.heading}
      </Title>
      <NotificationPanel variant="warn" testId="security-level-notice">
        <p>{s.why}</p>
      </NotificationPanel>
      <p className={styles.lead}>{s.how}</p>
      <div className={styles.login}>
        <Button htmlMarkup="a" href={loginHref(params.get('returnTo'), { fresh: true })} size="large" arrow="icon">
          {s.loginAgain}
        </Button>
        <p className={styles.hint}>{s.help}</p>
      </div>
    </div>
  );
}
