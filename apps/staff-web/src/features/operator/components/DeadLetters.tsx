import { useRef, useState } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import Progressbar from '@helsenorge/designsystem-react/components/Progressbar';
import Table, { TableBody, TableCell, TableHead, TableHeadCell, TableRow } from '@helsenorge/designsystem-react/components/Table';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { format } from '../../../i18n/nb.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { replayDeadLetter, reportReplayStopped, useDeadLetters, useRefreshAfterReplay } from '../api/operator.ts';
import styles from './Operator.module.scss';

interface Run {
  total: number;
  done: string[];
  state: 'running' | 'stopping' | 'stopped' | 'finished';
  failed: number;
}

/**
 * The dead letters, with replay: the chosen ones are sent again one at a time, with a
 * progress bar; Stop ends the run after the one in hand (the server records the stop
 * with what was and was not replayed). A replay already done answers 404 and counts as done.
 */
export function DeadLetters() {
  const { m, locale } = useMessages();
  const d = m.operator.dead;
  const deadLetters = useDeadLetters();
  const refresh = useRefreshAfterReplay();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [run, setRun] = useState<Run | undefined>();
  const stopAsked = useRef(false);

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function replayChosen() {
    const ids = [...chosen];
    stopAsked.current = false;
    const done: string[] = [];
    let failed = 0;
    setRun({ total: ids.length, done: [], state: 'running', failed });
    for (const id of ids) {
      if (stopAsked.current) break;
      try {
        await replayDeadLetter(id);
      } catch (error) {
        if (!isApiError(error, 404)) failed += 1;
      }
      done.push(id);
      setRun({ total: ids.length, done: [...done], state: stopAsked.current ? 'stopping' : 'running', failed });
    }
    const left = ids.filter((id) => !done.includes(id));
    if (stopAsked.current) await reportReplayStopped(done, left).catch(() => undefined);
    setRun({ total: ids.length, done, state: stopAsked.current ? 'stopped' : 'finished', failed });
    setChosen(new Set(left));
    refresh();
  }

  const busy = run?.state === 'running' || run?.state === 'stopping';
  const entries = deadLetters.data?.deadLetters ?? [];
  return (
    <section className={styles.section} aria-labelledby="dead-heading">
      <Title id="dead-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 1 }}>
        {d.heading}
      </Title>
      {deadLetters.isPending && <PageLoader />}
      {deadLetters.isError && <ErrorNotice message={m.operator.loadFailed} onRetry={() => void deadLetters.refetch()} />}
      {deadLetters.data && entries.length === 0 && <p>{d.none}</p>}
      {entries.length > 0 && (
        <>
          <div className={styles.toolbar}>
            <Button variant="outline" disabled={busy} onClick={() => setChosen(new Set(entries.map((entry) => entry.id)))}>
              {d.selectAll}
            </Button>
            <Button disabled={busy || chosen.size === 0} onClick={() => void replayChosen()}>
              {format(d.replay, { count: chosen.size })}
            </Button>
            {busy && (
              <Button variant="outline" concept="destructive" disabled={run.state === 'stopping'} onClick={() => (stopAsked.current = true)}>
                {d.stop}
              </Button>
            )}
          </div>
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-labelledby="dead-heading">
            <Table testId="dead-letters">
              <caption className={styles.caption}>{d.heading}</caption>
              <TableHead>
                <TableRow>
                  <TableHeadCell>{d.choose}</TableHeadCell>
                  <TableHeadCell>{d.when}</TableHeadCell>
                  <TableHeadCell>{d.step}</TableHeadCell>
                  <TableHeadCell>{d.cause}</TableHeadCell>
                  <TableHeadCell>{d.tries}</TableHeadCell>
                  <TableHeadCell>{d.letter}</TableHeadCell>
                  <TableHeadCell>{d.reason}</TableHeadCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={entry.id} data-testid="dead-letter">
                    <TableCell dataLabel={d.choose}>
                      <input type="checkbox" id={`dead-${entry.id}`} checked={chosen.has(entry.id)} disabled={busy} onChange={() => toggle(entry.id)} />
                      <label htmlFor={`dead-${entry.id}`} className="visually-hidden">
                        {format(d.select, { id: entry.id })}
                      </label>
                    </TableCell>
                    <TableCell dataLabel={d.when} nowrap>
                      <time dateTime={entry.createdAt}>{formatWhenWithTime(entry.createdAt, locale)}</time>
                    </TableCell>
                    <TableCell dataLabel={d.step}>{entry.step}</TableCell>
                    <TableCell dataLabel={d.cause}>{d.causes[entry.cause]}</TableCell>
                    <TableCell dataLabel={d.tries}>{entry.attempts}</TableCell>
                    <TableCell dataLabel={d.letter}>
                      <span className={styles.mono}>{entry.letterId ?? '–'}</span>
                    </TableCell>
                    <TableCell dataLabel={d.reason}>{entry.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {run && (
        <div className={styles.progress} data-testid="replay-progress">
          <Progressbar value={Math.round((run.done.length / Math.max(1, run.total)) * 100)} ariaLabel={d.progress} testId="replay-progressbar" />
          <p aria-live="polite" data-testid="replay-status">
            {run.state === 'stopped'
              ? format(d.stopped, { done: run.done.length, total: run.total })
              : run.state === 'finished'
                ? format(d.done, { done: run.done.length, total: run.total })
                : format(d.replaying, { done: run.done.length, total: run.total })}
            {run.failed > 0 && ` ${format(d.failed, { count: run.failed })}`}
          </p>
        </div>
      )}
    </section>
  );
}
