import { useId } from 'react';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formHref, useFormOfLetter } from '../api/forms.ts';
import styles from './LetterFormPanel.module.scss';

/** Beside a letter that brought a form: the way to fill it in. Nothing for other letters. */
export function LetterFormPanel({ letterId }: { letterId: string }) {
  const { m } = useMessages();
  const form = useFormOfLetter(letterId);
  const headingId = useId();
  if (!form.data) return null;
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="letter-form-panel">
      <h2 id={headingId} className={styles.heading}>
        {m.forms.letterPanelHeading}
      </h2>
      <a href={formHref({ kind: 'ordered', id: form.data.formId })}>{m.forms.openForm}</a>
    </section>
  );
}
