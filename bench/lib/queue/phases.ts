/**
 * The phases of the queue side-by-side, each run the same way for every contestant:
 * enqueue (transactions of data rows and their jobs, closed loop), drain (a full queue
 * worked off), and latency (jobs arriving at a fixed rate while the workers run).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { cpuPerOperation, cpuSnapshot, type CpuSnapshot } from '../cpu.ts';
import { runLoad } from '../load.ts';
import { runOpenLoop } from '../open-loop.ts';
import { Latencies } from '../stats.ts';
import { itemTable, type QueueContestant } from './contestant.ts';

/** One transaction of the workload: `rows` data rows and, unless `contestant` is null, a job for each; `beforeCommit` sees their ids. */
export async function writeItems(pool: pg.Pool, contestant: QueueContestant | null, rows: number, beforeCommit?: (ids: number[]) => void): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows: inserted } = await client.query<{ id: string }>(`insert into ${itemTable} (queue) select $1 from generate_series(1, $2) returning id`, [contestant?.name ?? 'none', rows]);
    const ids = inserted.map((row) => Number(row.id));
    if (contestant) await contestant.enqueue(client, ids);
    beforeCommit?.(ids);
    await client.query('commit');
    return ids;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface EnqueueFigures {
  transactionsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  postgresCpuMsPerTransaction: number;
}

/** Closed loop: `clients` connections each writing transactions of `rows` rows (+ jobs) until `count` are done. */
export async function measureEnqueue(pool: pg.Pool, contestant: QueueContestant | null, options: { count: number; rows: number; clients: number }): Promise<EnqueueFigures> {
  const result = await runLoad({ concurrency: options.clients, durationMs: 30_000, maxOperations: options.count }, async () => {
    await writeItems(pool, contestant, options.rows);
  });
  if (result.errors > 0) throw new Error(`enqueue (${contestant?.name ?? 'no queue'}): ${result.firstError}`);
  return {
    transactionsPerSecond: result.perSecond,
    p50Ms: result.latency.percentile(50),
    p95Ms: result.latency.percentile(95),
    postgresCpuMsPerTransaction: result.cpuMsPerOperation.postgres,
  };
}

export interface DrainFigures {
  jobs: number;
  jobsPerSecond: number;
  postgresCpuMsPerJob: number;
  clientCpuMsPerJob: number;
}

/** `jobs` queued (in transactions of 100), then the workers work them off; timed from the first job started to an empty queue. */
export async function measureDrain(pool: pg.Pool, contestant: QueueContestant, jobs: number): Promise<DrainFigures> {
  for (let done = 0; done < jobs; done += 100) await writeItems(pool, contestant, Math.min(100, jobs - done));
  await contestant.settle();
  let firstStart: number | undefined;
  const before = await cpuSnapshot([]);
  const workers = await contestant.startWorkers({ started: () => (firstStart ??= performance.now()) });
  const giveUpAt = performance.now() + 40_000;
  let seconds: number;
  let after: CpuSnapshot;
  try {
    while ((await contestant.waiting()) > 0) {
      if (performance.now() > giveUpAt) throw new Error(`${contestant.name}: the queue was not drained in 40 s`);
      await sleep(10);
    }
    seconds = (performance.now() - (firstStart ?? performance.now())) / 1000;
    // Read before the workers stop: a runner that closes its pool ends its PostgreSQL
    // processes, and the CPU of an ended process is no longer in /proc to count.
    after = await cpuSnapshot([]);
  } finally {
    await workers.stop();
  }
  const cpu = cpuPerOperation(before, after, jobs);
  return { jobs, jobsPerSecond: jobs / seconds, postgresCpuMsPerJob: cpu.postgres, clientCpuMsPerJob: cpu.generator };
}

export interface LatencyFigures {
  jobs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * With the workers running, one transaction (a row and its job) is written every
 * 1/rate s; each job's latency is from the moment its COMMIT was sent to the moment a
 * handler started on it (the job cannot be seen before the commit).
 */
export async function measureLatency(pool: pg.Pool, contestant: QueueContestant, options: { ratePerSecond: number; durationMs: number }): Promise<LatencyFigures> {
  const committing = new Map<number, number>();
  const latencies = new Latencies();
  const workers = await contestant.startWorkers({
    started(ids) {
      const now = performance.now();
      for (const id of ids) {
        const sent = committing.get(id);
        if (sent !== undefined) latencies.add(now - sent);
        committing.delete(id);
      }
    },
  });
  try {
    await sleep(500); // the workers connected and listening before the first job
    const load = await runOpenLoop({ ratePerSecond: options.ratePerSecond, durationMs: options.durationMs, maxInFlight: 32 }, async () => {
      await writeItems(pool, contestant, 1, (ids) => ids.forEach((id) => committing.set(id, performance.now())));
    });
    if (load.errors > 0) throw new Error(`latency (${contestant.name}): ${load.firstError}`);
    const giveUpAt = performance.now() + 20_000;
    while ((await contestant.waiting()) > 0 && performance.now() < giveUpAt) await sleep(20);
  } finally {
    await workers.stop();
  }
  return { jobs: latencies.count, p50Ms: latencies.percentile(50), p95Ms: latencies.percentile(95), maxMs: latencies.percentile(100) };
}
