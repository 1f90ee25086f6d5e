import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { MessagingRefusal } from '@innboks/contracts';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLetter } from '../../letter/api/get-letter.ts';
import { useMunicipalThread, useReplyInThread } from '../api/municipal.ts';
import { formatFullDay } from '@innboks/web-base/dates';
import { MessageField } from '@innboks/web-base/message-field';
import styles from './Municipal.module.scss';

/**
 * Under a conversation with a municipal service: when to expect an answer, and a form
 * to write again — or, when the citizen may not write now, why not; a closed conversation
 * says so and points to a new one. Nothing for other letters.
 */
export function MunicipalThreadPanel({ threadId }: { threadId: string }) {
  const { m, locale } = useMessages();
  // The letter's own query (shared with the letter page) says whether there is a municipal side to ask for.
  const letter = useLetter(threadId);
  const info = useMunicipalThread(threadId, letter.data?.municipal === true);
  const reply = useReplyInThread(threadId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentDay, setSentDay] = useState<string | undefined>();
  const id = useId();
  if (!info.data) return null;
  const data = info.data;
  const reasons: Record<MessagingRefusal, string> = {
    'not-in-trial': m.municipal.reasonNotInTrial,
    'not-received': m.municipal.reasonNotReceived,
    'no-digital-contact': m.municipal.reasonNoDigitalContactShort,
  };

  if (data.status === 'closed') {
    // A closed conversation takes no more messages here; the way on is a new one.
    return (
      <section className={styles.panel} aria-labelledby={`${id}-heading`} data-testid="municipal-thread-closed">
        <NotificationPanel variant="info">
          <h2 id={`${id}-heading`} className={styles.subheading}>
            {m.municipal.threadClosedHeading}
          </h2>
          <p>{format(m.municipal.threadClosedText, { service: data.serviceName })}</p>
          <Link to="/kommunen/ny-melding">{m.municipal.startNew}</Link>
        </NotificationPanel>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(m.municipal.writeText);
      return;
    }
    setError(undefined);
    reply.mutate(text.trim(), {
      onSuccess: (sent) => {
        setText('');
        setSentDay(sent.expectedAnswerBy);
      },
      onError: (failure) => setError(failure.message || m.municipal.sendFailed),
    });
  };

  return (
    <section className={styles.panel} aria-labelledby={`${id}-heading`}>
      <p role="status" className={styles.expected} data-testid="municipal-expected">
        {sentDay
          ? format(m.municipal.expectedAfter, { day: formatFullDay(sentDay, locale) })
          : data.expectedAnswerBy
            ? format(m.municipal.expectedWaiting, { day: formatFullDay(data.expectedAnswerBy, locale) })
            : ''}
      </p>
      <h2 id={`${id}-heading`} className={styles.subheading}>
        {m.municipal.replyHeading}
      </h2>
      {!data.canReply && data.reason && <p data-testid="municipal-reply-closed">{format(m.municipal.replyClosed, { reason: reasons[data.reason] })}</p>}
      {data.canReply && (
        <form onSubmit={submit} noValidate className={styles.form}>
          <MessageField id={`${id}-text`} label={m.municipal.replyLabel} rows={5} value={text} onChange={setText} error={error} describedBy={`${id}-expected`} />
          <p id={`${id}-expected`} className={styles.hint}>
            {format(m.municipal.expectedBefore, { day: formatFullDay(data.expectedAnswerIfSentNow, locale) })}
          </p>
          <Button type="submit" disabled={reply.isPending}>
            {reply.isPending ? m.municipal.sending : m.municipal.send}
          </Button>
        </form>
      )}
    </section>
  );
}
