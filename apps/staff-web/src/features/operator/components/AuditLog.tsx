import Title from '@helsenorge/designsystem-react/components/Title';
import Table, { TableBody, TableCell, TableHead, TableHeadCell, TableRow } from '@helsenorge/designsystem-react/components/Table';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { useMessages } from '../../../i18n/use-messages.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useAuditLog } from '../api/operator.ts';
import styles from './Operator.module.scss';

/** What operators did here, newest first (reading this list is in it too). */
export function AuditLog() {
  const { m, locale } = useMessages();
  const a = m.operator.audit;
  const log = useAuditLog();
  return (
    <section className={styles.section} aria-labelledby="audit-heading">
      <Title id="audit-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 1 }}>
        {a.heading}
      </Title>
      {log.isPending && <PageLoader />}
      {log.isError && <ErrorNotice message={m.operator.loadFailed} onRetry={() => void log.refetch()} />}
      {log.data && (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="audit-heading">
          <Table testId="operator-audit">
            <caption className={styles.caption}>{a.heading}</caption>
            <TableHead>
              <TableRow>
                <TableHeadCell>{a.when}</TableHeadCell>
                <TableHeadCell>{a.who}</TableHeadCell>
                <TableHeadCell>{a.what}</TableHeadCell>
                <TableHeadCell>{a.ids}</TableHeadCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {log.data.entries.map((entry) => (
                <TableRow key={entry.id} data-testid="audit-entry">
                  <TableCell dataLabel={a.when} nowrap>
                    <time dateTime={entry.at}>{formatWhenWithTime(entry.at, locale)}</time>
                  </TableCell>
                  <TableCell dataLabel={a.who}>{entry.staffName}</TableCell>
                  <TableCell dataLabel={a.what}>{a.actions[entry.action]}</TableCell>
                  <TableCell dataLabel={a.ids}>
                    <span className={styles.mono}>{entry.objectIds.join(', ')}</span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
