import type { ReactNode } from 'react';
import { Link } from 'react-router';
import Table, { TableBody, TableCell, TableHead, TableHeadCell, TableRow } from '@helsenorge/designsystem-react/components/Table';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useAccessLog } from '../api/municipal.ts';

/**
 * "Logg over bruk": every visit in which staff saw the citizen's messages — who, which
 * service, what, when — newest first; then what the route puts beside it (what
 * representatives did).
 */
export function AccessLogPage({ children }: { children?: ReactNode }) {
  const { m, locale } = useMessages();
  useDocumentTitle(m.municipal.accessLogPageTitle, m.app.titleSuffix);
  const log = useAccessLog();
  const what = { 'thread-summary': m.municipal.objectThreadSummary, thread: m.municipal.objectThread, message: m.municipal.objectMessage, attachment: m.municipal.objectAttachment };

  return (
    <SubPage heading={m.municipal.accessLogHeading}>
      <p>{m.municipal.accessLogIntro}</p>
      {log.isPending && <PageLoader />}
      {log.isError && <ErrorNotice message={m.municipal.loadFailed} onRetry={() => void log.refetch()} />}
      {log.data?.entries.length === 0 && <p>{m.municipal.accessLogEmpty}</p>}
      {log.data && log.data.entries.length > 0 && (
        // The design system's table: a row of columns on wide screens, one block per read,
        // each fact under its label, on a phone (no sideways scrolling).
        <Table breakpointConfig={{ breakpoint: 'md', variant: 'block' }} testId="access-log">
          <TableHead>
            <TableRow>
              <TableHeadCell>{m.municipal.accessLogWhen}</TableHeadCell>
              <TableHeadCell>{m.municipal.accessLogWho}</TableHeadCell>
              <TableHeadCell>{m.municipal.accessLogService}</TableHeadCell>
              <TableHeadCell>{m.municipal.accessLogWhat}</TableHeadCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.data.entries.map((entry, index) => (
              <TableRow key={`${entry.at}-${index}`} data-testid="access-log-entry">
                <TableCell dataLabel={m.municipal.accessLogWhen} nowrap>
                  <time dateTime={entry.at}>{formatWhenWithTime(entry.at, locale)}</time>
                </TableCell>
                <TableCell dataLabel={m.municipal.accessLogWho}>{entry.staffName}</TableCell>
                <TableCell dataLabel={m.municipal.accessLogService}>{entry.serviceName}</TableCell>
                <TableCell dataLabel={m.municipal.accessLogWhat}>
                  <Link to={`/innboks/${entry.threadId}`}>{format(what[entry.object], { subject: entry.subject ?? '' })}</Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {children}
    </SubPage>
  );
}
