import { useLocation } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import { loginHref, returnToOfState } from '../login-href.ts';
import { LoggedOutPage } from './LoggedOutPage.tsx';
import { LoggedOutNotice } from './LoggedOutNotice.tsx';
import { LoginLink } from './LoginLink.tsx';
import styles from './StartPage.module.scss';

/** The logged-out front page: what Innboks is, and the way in — back to the page asked for, when one was. */
export function StartPage() {
  const { m } = useMessages();
  const returnTo = returnToOfState(useLocation().state);
  return (
    <LoggedOutPage pageTitle={m.start.pageTitle} heading={m.start.heading} notice={<LoggedOutNotice />}>
      <p className={styles.lead}>{m.start.lead}</p>
      <p>{m.start.points}</p>
      <LoginLink href={loginHref(returnTo)} label={m.start.login} hint={m.start.loginHint} />
    </LoggedOutPage>
  );
}
