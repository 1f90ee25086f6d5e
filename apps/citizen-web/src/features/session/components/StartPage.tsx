import Button from '@helsenorge/designsystem-react/components/Button';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useLocation } from 'react-router';
import { loginHref, returnToOfState } from '../login-href.ts';
import styles from './StartPage.module.scss';

/** The logged-out front page: what Innboks is, and the way in — back to the page asked for, when one was. */
export function StartPage() {
  const { m } = useMessages();
  const returnTo = returnToOfState(useLocation().state);
  useDocumentTitle(m.start.pageTitle, m.app.titleSuffix);

  return (
    <div className={styles.start}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 0, marginBottom: 1.5 }}>
        {m.start.heading}
      </Title>
      <p className={styles.lead}>{m.start.lead}</p>
      <p>{m.start.points}</p>
      <div className={styles.login}>
        <Button htmlMarkup="a" href={loginHref(returnTo)} size="large" arrow="icon">
          {m.start.login}
        </Button>
        <p className={styles.hint}>{m.start.loginHint}</p>
      </div>
    </div>
  );
}
