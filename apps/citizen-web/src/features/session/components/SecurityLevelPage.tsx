import { useSearchParams } from 'react-router';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useMessages } from '../../../i18n/use-messages.ts';
import { loginHref } from '../login-href.ts';
import { LoggedOutPage } from './LoggedOutPage.tsx';
import { LoginLink } from './LoginLink.tsx';
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
  return (
    <LoggedOutPage pageTitle={s.pageTitle} heading={s.heading}>
      <NotificationPanel variant="warn" testId="security-level-notice">
        <p>{s.why}</p>
      </NotificationPanel>
      <p className={styles.lead}>{s.how}</p>
      <LoginLink href={loginHref(params.get('returnTo'), { fresh: true })} label={s.loginAgain} hint={s.help} />
    </LoggedOutPage>
  );
}
