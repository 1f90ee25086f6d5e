import { useState } from 'react';
import { Link, useParams } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { format } from '../../../i18n/nb.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatFullDay, formatWhenWithTime } from '@innboks/web-base/dates';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useThread } from '../api/workspace.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ThreadActions } from './ThreadActions.tsx';
import { ServiceNav } from './ServiceNav.tsx';
import styles from './Workspace.module.scss';

/** One conversation: the messages, assign, close (confirmed) or reopen, and the answer form while open. Opening it is logged. */
export function ThreadPage() {
  const { m, locale } = useMessages();
  const { serviceId = '', threadId = '' } = useParams();
  const thread = useThread(threadId);
  const [status, setStatus] = useState('');
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
        <ThreadActions thread={data} onChanged={setStatus} />
        {/* Said where the staff member is looking, not at the bottom of the page. */}
        <div role="status" className={styles.status}>
          {status && <NotificationPanel variant="success">{status}</NotificationPanel>}
        </div>
        {/* A promise of an answer only while the conversation is open to one. */}
        {data.status === 'open' && data.awaitingAnswerSince && waitingMessage?.expectedAnswerBy && (
          <NotificationPanel variant="info">{format(m.thread.expected, { day: formatFullDay(waitingMessage.expectedAnswerBy, locale) })}</NotificationPanel>
        )}

        <ol className={styles.messages} aria-label={m.thread.messagesLabel}>
          {data.messages.map((message) => (
            <li key={message.id}>
              <article className={message.direction === 'from-citizen' ? styles.fromCitizen : styles.toCitizen} aria-labelledby={`message-${message.id}`} data-testid="staff-message">
                <header className={styles.messageHeader}>
                  <h2 id={`message-${message.id}`} className={styles.sender}>
                    {message.direction === 'from-citizen' ? `${m.thread.fromCitizen}: ${message.senderName}` : message.senderName}
                  </h2>
                  {message.authorName && <span>{format(m.thread.answerBy, { name: message.authorName })}</span>}
                  {message.sentBy && (
                    <span data-testid="sent-by">
                      {format(m.representation.sentByFor, { name: message.sentBy.name, relation: m.representation.relation[message.sentBy.relation], citizen: data.citizen.name })}
                    </span>
                  )}
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

        <AnswerForm threadId={data.id} closed={data.status === 'closed'} onSent={setStatus} />
      </div>
    </div>
  );
}
