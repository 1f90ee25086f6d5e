import type { ReactNode } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './StartPage.module.scss';

/** The frame of a page before login (the start page, the security level page): its tab title, a notice above its heading, what it says. */
export function LoggedOutPage({ pageTitle, heading, notice, children }: { pageTitle: string; heading: string; notice?: ReactNode; children: ReactNode }) {
  const { m } = useMessages();
  useDocumentTitle(pageTitle, m.app.titleSuffix);
  return (
    <div className={styles.start}>
      {notice}
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 0, marginBottom: 1.5 }}>
        {heading}
      </Title>
      {children}
    </div>
  );
}
