import { Link } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import styles from './NotFoundPage.module.scss';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { m } = useMessages();
  useDocumentTitle(m.notFound.pageTitle, m.app.titleSuffix);
  return (
    <div className={styles.page}>
      <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 2, marginBottom: 0.75 }}>
        {m.notFound.heading}
      </Title>
      <p>{m.notFound.text}</p>
      <Link to="/" className={styles.link}>
        {m.notFound.home}
      </Link>
    </div>
  );
}
