import { Link } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useAccessLog } from '../api/municipal.ts';
import styles from './Municipal.module.scss';

/** "Logg over bruk": every visit in which staff saw the citizen's messages — who, which service, what, when — newest first. */
export function AccessLogPage() {
  const { m, locale } = useMessages();
  useDocumentTitle(m.municipal.accessLogPageTitle, m.app.titleSuffix);
  const log = useAccessLog();
  const what = { 'thread-summary': m.municipal.objectThreadSummary, thread: m.municipal.objectThread, message: m.municipal.objectMessage, attachment: m.municipal.objectAttachment };

  return (
    <div className={styles.page}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
        {m.municipal.accessLogHeading}
      </Title>
      <p>{m.municipal.accessLogIntro}</p>
      {log.isPending && <PageLoader />}
      {log.isError && <ErrorNotice message={m.municipal.loadFailed} onRetry={() => void log.refetch()} />}
      {log.data?.entries.length === 0 && <p>{m.municipal.accessLogEmpty}</p>}
      {log.data && log.data.entries.length > 0 && (
        <table className={styles.table} data-testid="access-log">
          <thead>
            <tr>
              <th scope="col">{m.municipal.accessLogWhen}</th>
              <th scope="col">{m.municipal.accessLogWho}</th>
              <th scope="col">{m.municipal.accessLogService}</th>
              <th scope="col">{m.municipal.accessLogWhat}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="access-log-entry">
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                </td>
                <td>{entry.staffName}</td>
                <td>{entry.serviceName}</td>
                <td>
                  <Link to={`/innboks/${entry.threadId}`}>{format(what[entry.object], { subject: entry.subject ?? '' })}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
