import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { format, locale, m } from '../../../i18n/nb.ts';
import { formatFullDay, formatWhenWithTime } from '@innboks/web-base/dates';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useAnswer, useThread, useUpdateThread } from '../api/workspace.ts';
import { ServiceNav } from './ServiceNav.tsx';
import styles from './Workspace.module.scss';

/** One conversation: the messages, assign, close or reopen, and the answer form. Opening it is logged. */
export function ThreadPage() {
  const { serviceId = '', threadId = '' } = useParams();
  const thread = useThread(threadId);
  const update = useUpdateThread(threadId);
  const answer = useAnswer(threadId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const answerId = useId();
  useDocumentTitle(m.thread.title, m.titleSuffix);

  const back = (
    <Link to={`/tjenester/${serviceId}`} className={styles.back}>
      {m.thread.back}
    </Link>
  );
  if (thread.isPending) return <PageLoader />;
  if (thread.isError) {
    return (
      <div className={styles.thread}>
        {back}
        <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1, marginBottom: 1 }}>
          {m.thread.title}
        </Title>
        {isApiError(thread.error, 404) ? <p>{m.thread.notFound}</p> : <ErrorNotice message={m.thread.loadFailed} onRetry={() => void thread.refetch()} />}
      </div>
    );
  }
  const data = thread.data;
  const waitingMessage = [...data.messages].reverse().find((message) => message.direction === 'from-citizen' && message.expectedAnswerBy);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Skriv et svar.');
      return;
    }
    setError(undefined);
    answer.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        setStatus(m.thread.sent);
      },
      onError: (failure) => setError(failure.message || m.thread.sendFailed),
    });
  };
  const change = (patch: Parameters<typeof update.mutate>[0]) => update.mutate(patch, { onSuccess: () => setStatus(m.thread.updated) });

  return (
    <div className={styles.columns}>
      <ServiceNav current={serviceId} />
      <div className={styles.thread}>
        {back}
        <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1, marginBottom: 0.5 }}>
          {data.subject}
        </Title>
        <p className={styles.logged}>{m.thread.logged}</p>
        <dl className={styles.facts}>
          <div>
            <dt>{m.thread.citizen}</dt>
            <dd>{data.citizen.name}</dd>
          </div>
          <div>
            <dt>{m.thread.nationalId}</dt>
            <dd>{data.citizen.nationalId}</dd>
          </div>
          <div>
            <dt>{m.thread.service}</dt>
            <dd>{data.serviceName}</dd>
          </div>
          <div>
            <dt>{m.thread.status}</dt>
            <dd>
              {data.status === 'open' ? m.thread.open : m.thread.closed}
              {data.assignedTo ? ` – ${data.assignedTo.isMe ? m.inbox.assignedToMe : format(m.inbox.assignedTo, { name: data.assignedTo.name })}` : ''}
            </dd>
          </div>
        </dl>
        <div className={styles.actions}>
          {data.assignedTo?.isMe ? (
            <Button variant="outline" onClick={() => change({ assignedToMe: false })} disabled={update.isPending}>
              {m.thread.release}
            </Button>
          ) : (
            <Button variant="outline" onClick={() => change({ assignedToMe: true })} disabled={update.isPending}>
              {m.thread.assign}
            </Button>
          )}
          <Button variant="outline" onClick={() => change({ status: data.status === 'open' ? 'closed' : 'open' })} disabled={update.isPending}>
            {data.status === 'open' ? m.thread.close : m.thread.reopen}
          </Button>
        </div>
        {data.awaitingAnswerSince && waitingMessage?.expectedAnswerBy && (
          <NotificationPanel variant="info">{format(m.thread.expected, { day: formatFullDay(waitingMessage.expectedAnswerBy, locale) })}</NotificationPanel>
        )}

        <ol className={styles.messages} aria-label="Meldinger i samtalen">
          {data.messages.map((message) => (
            <li key={message.id}>
              <article className={message.direction === 'from-citizen' ? styles.fromCitizen : styles.toCitizen} aria-labelledby={`message-${message.id}`} data-testid="staff-message">
                <header className={styles.messageHeader}>
                  <h2 id={`message-${message.id}`} className={styles.sender}>
                    {message.direction === 'from-citizen' ? `${m.thread.fromCitizen}: ${message.senderName}` : message.senderName}
                  </h2>
                  {message.authorName && <span>{format(m.thread.answerBy, { name: message.authorName })}</span>}
                  <time dateTime={message.sentAt}>{formatWhenWithTime(message.sentAt, locale)}</time>
                </header>
                {message.text.map((paragraph, index) => (
                  <p key={index} className={styles.paragraph}>
                    {paragraph}
                  </p>
                ))}
                {message.attachments.length > 0 && (
                  <ul className={styles.attachments} aria-label={m.thread.attachments}>
                    {message.attachments.map((attachment) => (
                      <li key={attachment.id}>
                        <a href={attachment.url} target="_blank" rel="noopener">
                          {attachment.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            </li>
          ))}
        </ol>

        <form className={styles.answer} onSubmit={submit} noValidate aria-labelledby={`${answerId}-heading`}>
          <h2 id={`${answerId}-heading`} className={styles.answerHeading}>
            {m.thread.answerHeading}
          </h2>
          <label htmlFor={answerId} className={styles.label}>
            {m.thread.answerLabel}
          </label>
          <p id={`${answerId}-hint`} className={styles.hint}>
            {m.thread.answerHint}
          </p>
          <textarea
            id={answerId}
            className={styles.textarea}
            rows={6}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${answerId}-hint${error ? ` ${answerId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p id={`${answerId}-error`} className={styles.error}>
              {error}
            </p>
          )}
          <Button type="submit" disabled={answer.isPending}>
            {answer.isPending ? m.thread.sending : m.thread.send}
          </Button>
        </form>
        <p role="status" className={styles.status}>
          {status}
        </p>
      </div>
    </div>
  );
}
