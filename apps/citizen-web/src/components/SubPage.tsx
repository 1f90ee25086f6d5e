import type { ReactNode } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../i18n/use-messages.ts';
import { BackLink } from './BackLink.tsx';
import styles from './SubPage.module.scss';

/**
 * The frame of a page below the inbox (writing to the municipality, the access log, notice
 * settings): the way back, the heading, and a reading column aligned with the header.
 */
export function SubPage({ heading, children }: { heading: string; children: ReactNode }) {
  const { m } = useMessages();
  return (
    <div className={styles.page}>
      <BackLink to="/innboks">{m.letter.back}</BackLink>
      <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1.5, marginBottom: 0.75 }}>
        {heading}
      </Title>
      {children}
    </div>
  );
}
