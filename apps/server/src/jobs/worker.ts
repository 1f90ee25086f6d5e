/**
 * Runs queued jobs: leases a batch, runs each handler, completes or reschedules it
 * with capped exponential backoff and jitter. Handlers get ids and re-read the
 * database, so a job run twice (after a crash mid-way) does no harm.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { citizenOfJob, claimJobs, completeJobs, failJob, type Database, type JobOf, type JobPayloads, type JobRow } from '@innboks/db';

export type SingleJobHandler<Payload> = (payload: Payload, job: JobOf<Payload>) => Promise<void>;

/**
 * A handler that takes every claimed job of its kind at once (one register call and a
 * few statements for many letters). It answers with the jobs that failed and why; the
 * rest are done.
 */
export interface BatchJobHandler<Payload> {
  batch(jobs: JobOf<Payload>[]): Promise<Map<JobOf<Payload>, unknown>>;
}

export type JobHandler<Payload> = SingleJobHandler<Payload> | BatchJobHandler<Payload>;

/**
 * A handler for every kind of a job registry, each typed by its payload: by default
 * the project's registry (@innboks/db job-kinds.ts), so a kind without a handler does
 * not compile. The worker's own tests bring a registry of their own.
 */
export type JobHandlers<Payloads = JobPayloads> = { [K in keyof Payloads]: JobHandler<Payloads[K]> };

/** A handler as the worker holds it: the payload it gets is the one its kind was enqueued with (enqueueJobs is typed by the same registry). */
type AnyHandler = SingleJobHandler<unknown> | BatchJobHandler<unknown>;

export interface WorkerOptions<Payloads = JobPayloads> {
  db: Kysely<Database>;
  clock: Clock;
  handlers: JobHandlers<Payloads>;
  /** How long a job is ours before another worker may take it. */
  leaseMs?: number;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Claims in hand at once, each run as batches side by side (keep 1 on the embedded database: it has one connection). */
  concurrency?: number;
  log?: { error(object: unknown, message: string): void; warn(object: unknown, message: string): void };
}

export interface Worker {
  /** Ask for a run now rather than at the next poll. */
  wake(): void;
  /** Runs until the queue has nothing due; for tests and commands. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}

export function startWorker<Payloads = JobPayloads>(options: WorkerOptions<Payloads>, { autoStart = true } = {}): Worker {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 100;
  const lanes = Math.max(1, options.concurrency ?? 1);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const handlerOf = (kind: string) => (options.handlers as Record<string, AnyHandler | undefined>)[kind];

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(options.db, workerId, batchSize, leaseMs, options.clock.now());
    const retryOrBury = async (job: JobRow, error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      // A Retry-After from the outside system (429/503) is a floor under the backoff.
      const retryAfter = Number((error as { retryAfterMs?: unknown } | null)?.retryAfterMs ?? 0) || 0;
      const retryAt = new Date(options.clock.now().getTime() + Math.max(backoffMs(job.attempts), retryAfter));
      const outcome = await failJob(options.db, job, workerId, message, retryAt);
      options.log?.[outcome === 'dead' ? 'error' : 'warn']({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: message }, `job ${outcome}`);
    };
    const runOne = async (job: JobRow) => {
      const handler = handlerOf(job.kind);
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        if (typeof handler !== 'function') throw new Error(`Job kind ${job.kind} runs in batches`);
        await handler(job.payload, job);
        await completeJobs(options.db, [job], workerId);
      } catch (error) {
        await retryOrBury(job, error);
      }
    };
    const runBatch = async (handler: BatchJobHandler<unknown>, batch: JobRow[]) => {
      // The handler answers with the very job objects it was given, so they are keys here.
      let failed: ReadonlyMap<unknown, unknown>;
      try {
        failed = await handler.batch(batch);
      } catch (error) {
        failed = new Map(batch.map((job) => [job, error]));
      }
      await completeJobs(options.db, batch.filter((job) => !failed.has(job)), workerId);
      for (const job of batch) if (failed.has(job)) await retryOrBury(job, failed.get(job));
    };

    // Jobs of a batch kind go to their handler together; the rest one by one.
    const single: JobRow[] = [];
    const batches = new Map<BatchJobHandler<unknown>, JobRow[]>();
    for (const job of jobs) {
      const handler = handlerOf(job.kind);
      if (handler && typeof handler !== 'function') batches.set(handler, [...(batches.get(handler) ?? []), job]);
      else single.push(job);
    }
    // The batches and the run of single jobs go side by side (one after another on
    // the embedded database, which has one connection).
    const runSingles = async () => {
      for (const job of single) await runOne(job);
    };
    const tasks = [...[...batches].map(([handler, batch]) => () => runBatch(handler, batch)), runSingles];
    if (lanes === 1) for (const task of tasks) await task();
    else await Promise.all(tasks.map((task) => task()));
    return jobs.length;
  }

  /**
   * Up to `lanes` claim-and-run loops at once: a lane that got a full batch claims the
   * next at once, so under load one batch is claimed while others are being run (the
   * time of a batch is mostly waiting on PostgreSQL and the outside systems); a lane
   * that found less ends, and the poll starts lanes again.
   */
  let active = 0;
  const idle = new Set<() => void>();
  async function lane(): Promise<void> {
    try {
      let full = true;
      while (!stopped && full) full = (await runOnce()) === batchSize;
    } catch (error) {
      options.log?.error({ error }, 'worker poll failed');
    } finally {
      active -= 1;
      if (active === 0) for (const resolve of idle) resolve();
    }
  }
  function startLanes() {
    while (!stopped && active < lanes) {
      active += 1;
      void lane();
    }
  }
  function whenIdle(): Promise<void> {
    return active === 0 ? Promise.resolve() : new Promise((resolve) => idle.add(resolve));
  }

  function poll() {
    if (stopped) return;
    startLanes();
    timer = setTimeout(poll, options.pollIntervalMs ?? 500);
    timer.unref?.();
  }

  if (autoStart) poll();

  return {
    wake: () => startLanes(),
    async drain() {
      let total = 0;
      for (;;) {
        await whenIdle();
        const count = await runOnce();
        total += count;
        if (count === 0) return total;
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await whenIdle();
    },
  };
}

/**
 * Runs a handler for one payload at once, outside the queue, as the job's last try:
 * a failure of an outside system is an outcome (a dead letter, the next channel),
 * never a retry. For commands and tests that run one step by hand.
 */
export async function runJobNow<Payload>(handler: JobHandler<Payload>, payload: Payload): Promise<void> {
  const now = new Date();
  const job: JobOf<Payload> = { id: 0, citizen_id: citizenOfJob(payload), kind: 'by-hand', payload, state: 'running', run_at: now, attempts: 1, max_attempts: 1, locked_by: null, locked_until: null, last_error: null, created_at: now };
  if (typeof handler === 'function') return handler(payload, job);
  const failed = await handler.batch([job]);
  for (const error of failed.values()) throw error;
}
