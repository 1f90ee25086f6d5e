import { useId } from 'react';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLetter } from '../../letter/api/get-letter.ts';
import { formHref } from '../api/forms.ts';
import styles from './LetterFormPanel.module.scss';

/** Beside a letter that brought a form: the way to fill it in. Nothing for other letters (the letter says which form, so nothing more is asked). */
export function LetterFormPanel({ letterId }: { letterId: string }) {
  const { m } = useMessages();
  const letter = useLetter(letterId);
  const headingId = useId();
  const formId = letter.data?.formId;
  if (!formId) return null;
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="letter-form-panel">
      <h2 id={headingId} className={styles.heading}>
        {m.forms.letterPanelHeading}
      </h2>
      <a href={formHref({ kind: 'ordered', id: formId })}>{m.forms.openForm}</a>
    </section>
  );
}
