import { useId, useState, type FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import { MessageField } from '@innboks/web-base/message-field';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useAnswerLetter } from '../api/answer-letter.ts';
import styles from './AnswerForm.module.scss';

/** Under a question a sender asked by Dialogmelding: the citizen's answer, sent back to the sender. */
export function AnswerForm({ letterId }: { letterId: string }) {
  const { m } = useMessages();
  const answer = useAnswerLetter(letterId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(m.letter.answerWrite);
      return;
    }
    setError(undefined);
    setStatus('');
    answer.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        setStatus(m.letter.answerSaved);
      },
      onError: (failure) => setError(failure.message || m.letter.answerFailed),
    });
  };

  return (
    <section className={styles.panel} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        {m.letter.answerHeading}
      </h2>
      <form onSubmit={submit} noValidate className={styles.form}>
        <MessageField id={`${id}-text`} label={m.letter.answerLabel} rows={5} value={text} onChange={setText} error={error} />
        <Button type="submit" disabled={answer.isPending}>
          {answer.isPending ? m.letter.answerSendingNow : m.letter.answerSend}
        </Button>
      </form>
      <p role="status">{status}</p>
    </section>
  );
}
