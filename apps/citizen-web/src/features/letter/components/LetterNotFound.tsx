import type { ReactNode } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './LetterPage.module.scss';

/** A missing letter and someone else's letter look the same: not found. */
export function LetterNotFound({ backLink }: { backLink: ReactNode }) {
  const { m } = useMessages();
  return (
    <div className={styles.page}>
      {backLink}
      <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1.5, marginBottom: 0.75 }}>
        {m.letter.notFoundTitle}
      </Title>
      <p>{m.letter.notFoundText}</p>
    </div>
  );
}
