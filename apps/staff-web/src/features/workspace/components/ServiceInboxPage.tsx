import { Link, useParams, useSearchParams } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import type { StaffThreadSummary } from '@innboks/contracts';
import { format, type Messages } from '../../../i18n/nb.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { formatWaiting } from '../../../lib/waiting.ts';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useServices, useThreads, useUpdateThread } from '../api/workspace.ts';
import { ServiceNav } from './ServiceNav.tsx';
import styles from './Workspace.module.scss';

/** A service's shared inbox: unanswered first, longest waiting first; open or closed threads. */
export function ServiceInboxPage() {
  const { m } = useMessages();
  const { serviceId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status') === 'closed' ? 'closed' : 'open';
  const services = useServices();
  const service = services.data?.services.find((candidate) => candidate.id === serviceId);
  const threads = useThreads(serviceId, status);
  useDocumentTitle(service ? `${m.inbox.title}: ${service.name}` : m.inbox.title, m.titleSuffix);

  return (
    <div className={styles.columns}>
      <ServiceNav current={serviceId} />
      <section className={styles.content} aria-labelledby="inbox-heading">
        <Title id="inbox-heading" htmlMarkup="h1" appearance="title2" margin={{ marginTop: 2, marginBottom: 1 }}>
          {service ? `${m.inbox.title}: ${service.name}` : m.inbox.title}
        </Title>
        <div className={styles.tabs} role="group" aria-label={m.inbox.statusLabel}>
          {(['open', 'closed'] as const).map((value) => (
            <Button
              key={value}
              variant={value === status ? 'fill' : 'outline'}
              aria-pressed={value === status}
              onClick={() => setSearchParams(value === 'open' ? {} : { status: value })}
            >
              {value === 'open' ? m.inbox.open : m.inbox.closed}
            </Button>
          ))}
        </div>
        {threads.isPending && <PageLoader />}
        {threads.isError && (isApiError(threads.error, 404) ? <p>{m.thread.notFound}</p> : <ErrorNotice message={m.inbox.loadFailed} onRetry={() => void threads.refetch()} />)}
        {threads.data?.threads.length === 0 && <p>{m.inbox.empty}</p>}
        {threads.data && threads.data.threads.length > 0 && (
          <ul className={styles.threadList} data-testid="staff-thread-list">
            {threads.data.threads.map((thread) => (
              <ThreadRow key={thread.id} serviceId={serviceId} thread={thread} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** "Venter på svar i 3 t 20 min"; a message just come is new, not "0 min". */
function waitingText(since: string, m: Messages, locale: string): string {
  const waited = formatWaiting(since, locale);
  return waited ? format(m.inbox.waiting, { time: waited }) : m.inbox.justArrived;
}

function ThreadRow({ serviceId, thread }: { serviceId: string; thread: StaffThreadSummary }) {
  const { m, locale } = useMessages();
  const update = useUpdateThread(thread.id);
  const assigned = thread.assignedTo ? (thread.assignedTo.isMe ? m.inbox.assignedToMe : format(m.inbox.assignedTo, { name: thread.assignedTo.name })) : m.inbox.unassigned;
  return (
    <li className={styles.threadRow} data-testid="staff-thread-row" data-unanswered={thread.awaitingAnswerSince !== null}>
      <div className={styles.threadMain}>
        <Link to={`/tjenester/${serviceId}/samtaler/${thread.id}`} className={styles.threadLink}>
          {thread.subject}
        </Link>
        <span>
          {m.inbox.citizen}: {thread.citizenName}
        </span>
      </div>
      <div className={styles.threadMeta}>
        <span className={thread.awaitingAnswerSince ? styles.waiting : styles.answered}>
          {thread.awaitingAnswerSince ? waitingText(thread.awaitingAnswerSince, m, locale) : m.inbox.answered}
        </span>
        <span>
          {m.inbox.lastActivity}: <time dateTime={thread.lastActivityAt}>{formatWhenWithTime(thread.lastActivityAt, locale)}</time>
        </span>
        <span>{assigned}</span>
        {!thread.assignedTo?.isMe && (
          <Button variant="borderless" onClick={() => update.mutate({ assignedToMe: true })} disabled={update.isPending}>
            {m.inbox.assignToMe}
            <span className="visually-hidden">: {thread.subject}</span>
          </Button>
        )}
      </div>
    </li>
  );
}
