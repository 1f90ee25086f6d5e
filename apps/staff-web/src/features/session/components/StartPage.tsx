import Title from '@helsenorge/designsystem-react/components/Title';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './StartPage.module.scss';

/** Logged out: what the workspace is, and the way in through HelseID, back to the page asked for. */
export function StartPage() {
  const { m } = useMessages();
  useDocumentTitle(m.start.title, m.titleSuffix);
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
