/**
 * How fast this host runs right now, measured the same way in every run. The same
 * commit on the same machine took 7.1 s to the embedded first page one morning and
 * 11.3 s that afternoon, so figures of different runs compare only beside this.
 * Taken at the start and at the end of a run; each is the best of three tries of a
 * fixed piece of work, one in Node and one in PostgreSQL, on one core each.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';

export interface HostSpeed {
  /** Milliseconds for 2,000 JSON round trips of a 10 kB document in this process. */
  nodeMs: number;
  /** Milliseconds for PostgreSQL to count 3,000,000 generated rows. */
  postgresMs: number;
}

/** About 10 kB of JSON shaped like the pages and letters the server handles. */
const document = {
  items: Array.from({ length: 20 }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    subject: 'Innkalling til poliklinisk time',
    sender: 'Ortopedisk poliklinikk, Helseforetak 1',
    category: 'hospital',
    unread: index % 3 === 0,
    lastActivityAt: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
    preview: 'Du er satt opp til time ved poliklinikken. Ta med legitimasjon og en liste over medisinene du bruker.'.repeat(3),
  })),
};

function jsonWork(): number {
  const started = performance.now();
  for (let round = 0; round < 2000; round++) JSON.parse(JSON.stringify(document));
  return performance.now() - started;
}

async function postgresWork(pool: pg.Pool): Promise<number> {
  const started = performance.now();
  await pool.query('select count(*) from generate_series(1, 3000000)');
  return performance.now() - started;
}

async function bestOfThree(work: () => number | Promise<number>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) best = Math.min(best, await work());
  return Math.round(best);
}

export async function hostSpeed(pool: pg.Pool): Promise<HostSpeed> {
  return { nodeMs: await bestOfThree(jsonWork), postgresMs: await bestOfThree(() => postgresWork(pool)) };
}

export function hostSpeedText(speed: HostSpeed): string {
  return `Node 2,000 JSON round trips of 10 kB ${speed.nodeMs} ms, PostgreSQL count of 3 M rows ${speed.postgresMs} ms`;
}
