import { useState } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useOverview } from '../api/operator.ts';
import { HourChart } from './HourChart.tsx';
import { LetterSearch } from './LetterSearch.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { AuditLog } from './AuditLog.tsx';
import styles from './Operator.module.scss';

/**
 * `/ansatt/drift`, for operators: the charts, a letter's delivery timeline, the dead
 * letters with replay, and the audit log. Loaded only when opened (router.tsx), so the
 * charting library is not in the workspace's first load.
 */
export function OperatorPage() {
  const { m } = useMessages();
  useDocumentTitle(m.operator.title, m.titleSuffix);
  const [hours, setHours] = useState<'24' | '168'>('24');
  const overview = useOverview(hours);
  const seconds = (value: number) => m.operator.seconds.replace('{value}', String(value));
  return (
    <div className={styles.page}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
        {m.operator.title}
      </Title>
      <p>{m.operator.lead}</p>

      <section className={styles.section} aria-labelledby="charts-heading">
        <Title id="charts-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 1 }}>
          {m.operator.chartsHeading}
        </Title>
        <div className={styles.toolbar} role="group" aria-label={m.operator.window}>
          {(['24', '168'] as const).map((value) => (
            <Button key={value} variant={value === hours ? 'fill' : 'outline'} aria-pressed={value === hours} onClick={() => setHours(value)}>
              {value === '24' ? m.operator.day : m.operator.week}
            </Button>
          ))}
        </div>
        {overview.isPending && <PageLoader />}
        {overview.isError && <ErrorNotice message={m.operator.loadFailed} onRetry={() => void overview.refetch()} />}
        {overview.data && (
          <div className={styles.charts}>
            <HourChart id="letters" kind="bar" title={hours === '24' ? m.operator.lettersPerHour : m.operator.lettersPerHourWeek} data={overview.data.lettersPerHour} />
            <HourChart id="notice-p95" kind="line" title={m.operator.noticeP95} data={overview.data.noticeHandOffP95} formatValue={seconds} />
            <HourChart id="queue" kind="line" title={m.operator.queueDepth} data={overview.data.queueDepth} />
            <HourChart id="dead-letters" kind="line" title={m.operator.deadLettersOverTime} data={overview.data.deadLetters} />
          </div>
        )}
      </section>

      <LetterSearch />
      <DeadLetters />
      <AuditLog />
    </div>
  );
}
