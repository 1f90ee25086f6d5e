import Title from '@helsenorge/designsystem-react/components/Title';
import Table, { TableBody, TableCell, TableHead, TableHeadCell, TableRow } from '@helsenorge/designsystem-react/components/Table';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { useMessages } from '../../../i18n/use-messages.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useTimeline } from '../api/operator.ts';
import styles from './Operator.module.scss';

/** A letter's delivery step by step, as the sender reads it over FHIR: metadata only, the citizen as a pseudonym. */
export function LetterTimeline({ letterId }: { letterId: string }) {
  const { m, locale } = useMessages();
  const timeline = useTimeline(letterId);
  const t = m.operator.timeline;
  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <ErrorNotice message={m.operator.loadFailed} onRetry={() => void timeline.refetch()} />;
  const letter = timeline.data;
  const channel = (name: string | null) => (name ? ((m.operator.series as Record<string, string>)[name] ?? name) : '');
  return (
    <section aria-labelledby="timeline-heading" data-testid="letter-timeline">
      <Title id="timeline-heading" htmlMarkup="h3" appearance="title4" margin={{ marginTop: 2, marginBottom: 1 }}>
        {t.heading}
      </Title>
      <dl className={styles.facts}>
        <dt>{t.letterId}</dt>
        <dd className={styles.mono}>{letter.letterId}</dd>
        <dt>{t.sender}</dt>
        <dd>
          {letter.organizationName} ({letter.organizationNumber})
        </dd>
        <dt>{t.identifier}</dt>
        <dd className={styles.mono}>
          {letter.identifier.system}|{letter.identifier.value}
        </dd>
        <dt>{t.citizen}</dt>
        <dd className={styles.mono}>{letter.citizenReference}</dd>
        <dt>{t.status}</dt>
        <dd data-testid="timeline-status">{t.statuses[letter.status]}</dd>
      </dl>
      <Table testId="timeline-steps">
        <caption className={styles.caption}>{t.stepsCaption}</caption>
        <TableHead>
          <TableRow>
            <TableHeadCell>{t.when}</TableHeadCell>
            <TableHeadCell>{t.step}</TableHeadCell>
            <TableHeadCell>{t.channel}</TableHeadCell>
            <TableHeadCell>{t.state}</TableHeadCell>
            <TableHeadCell>{t.detail}</TableHeadCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {letter.steps.map((step, index) => (
            <TableRow key={`${step.at}-${index}`}>
              <TableCell dataLabel={t.when} nowrap>
                <time dateTime={step.at}>{formatWhenWithTime(step.at, locale)}</time>
              </TableCell>
              <TableCell dataLabel={t.step}>{t.steps[step.step]}</TableCell>
              <TableCell dataLabel={t.channel}>{channel(step.channel)}</TableCell>
              <TableCell dataLabel={t.state}>{step.state ?? ''}</TableCell>
              <TableCell dataLabel={t.detail}>{step.detail ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
