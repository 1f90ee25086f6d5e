/**
 * Runs queued jobs: leases a batch, runs each handler, completes or reschedules it
 * with capped exponential backoff and jitter. Handlers get ids and re-read the
 * database, so a job run twice (after a crash mid-way) does no harm.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { claimJobs, completeJob, failJob, type Database, type JobRow } from '@innboks/db';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

export interface WorkerOptions {
  db: Kysely<Database>;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  /** How long a job is ours before another worker may take it. */
  leaseMs?: number;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Jobs of a batch run at once (keep 1 on the embedded database: it has one connection). */
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

export function startWorker(options: WorkerOptions, { autoStart = true } = {}): Worker {
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(options.db, workerId, batchSize, leaseMs, options.clock.now());
    const runJob = async (job: JobRow) => {
      const handler = options.handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        await handler(job.payload, job);
        await completeJob(options.db, job, workerId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A Retry-After from the outside system (429/503) is a floor under the backoff.
        const retryAfter = Number((error as { retryAfterMs?: unknown } | null)?.retryAfterMs ?? 0) || 0;
        const retryAt = new Date(options.clock.now().getTime() + Math.max(backoffMs(job.attempts), retryAfter));
        const outcome = await failJob(options.db, job, workerId, message, retryAt);
        options.log?.[outcome === 'dead' ? 'error' : 'warn']({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: message }, `job ${outcome}`);
      }
    };
    const queue = [...jobs];
    const lanes = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, queue.length)) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await runJob(job);
    });
    await Promise.all(lanes);
    return jobs.length;
  }

  function tick(): Promise<number> {
    running ??= runOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      tick()
        .then((count) => schedule(count === batchSize ? 0 : options.pollIntervalMs ?? 500))
        .catch((error: unknown) => {
          options.log?.error({ error }, 'worker poll failed');
          schedule(options.pollIntervalMs ?? 500);
        });
    }, delay);
    timer.unref?.();
  }

  if (autoStart) schedule(0);

  return {
    wake: () => schedule(0),
    async drain() {
      let total = 0;
      for (;;) {
        const count = await tick();
        total += count;
        if (count === 0) return total;
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
