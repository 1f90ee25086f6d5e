import { useId, useState, type FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import { MessageField } from '@innboks/web-base/message-field';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useAnswer } from '../api/workspace.ts';
import styles from './Workspace.module.scss';

/** The answer to the citizen; a closed conversation takes none until it is opened again. */
export function AnswerForm({ threadId, closed, onSent }: { threadId: string; closed: boolean; onSent: (status: string) => void }) {
  const { m } = useMessages();
  const answer = useAnswer(threadId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const answerId = useId();

  if (closed) {
    return (
      <p className={styles.closedNoAnswer} data-testid="closed-no-answer">
        {m.thread.closedNoAnswer}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answerText = text.trim();
    setError(answerText ? undefined : m.thread.writeAnswer);
    if (answerText) answer.mutate(answerText, { onSuccess: () => sent(), onError: (failure) => setError(failure.message || m.thread.sendFailed) });
  };
  const sent = () => {
    setText('');
    onSent(m.thread.sent);
  };

  return (
    <form className={styles.answer} onSubmit={submit} noValidate aria-labelledby={`${answerId}-heading`}>
      <h2 id={`${answerId}-heading`} className={styles.answerHeading}>
        {m.thread.answerHeading}
      </h2>
      <p id={`${answerId}-hint`} className={styles.hint}>
        {m.thread.answerHint}
      </p>
      <MessageField id={answerId} label={m.thread.answerLabel} rows={6} value={text} onChange={setText} error={error} describedBy={`${answerId}-hint`} />
      <Button type="submit" disabled={answer.isPending}>
        {answer.isPending ? m.thread.sending : m.thread.send}
      </Button>
    </form>
  );
}
