/**
 * graphile-worker as a contestant: its schema installed by its own migrations, jobs
 * queued with its SQL `graphile_worker.add_job` on the caller's transaction (how its
 * docs queue a job beside data: its JS addJob uses a pool connection of its own, so it
 * cannot join the transaction), and its runner with the same jobs in hand at once.
 * `tuned`: its batching options on (a local queue of 100 fetched in one claim,
 * completions batched), the nearest it has to our claims of 100.
 */
import pg from 'pg';
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
import { markDoneSql, type ItemJob, type JobWatch, type QueueContestant, type RunningWorkers } from './contestant.ts';

export interface GraphileOptions {
  databaseUrl: string;
  pool: pg.Pool;
  concurrency: number;
  tuned: boolean;
  /** Its poll for jobs due later; new jobs it hears of at once by LISTEN/NOTIFY. */
  pollIntervalMs?: number;
}

const quiet = new Logger(() => (level, message) => {
  if (level === 'error') console.error(`[graphile-worker] ${message}`);
});

export function graphileContestant(options: GraphileOptions): QueueContestant {
  // Its pool is ours, so it is ended before the benchmark's database is dropped (a pool
  // of its own could still hold an idle connection then, whose end would be an error).
  const workerPool = new pg.Pool({ connectionString: options.databaseUrl, max: options.concurrency + 2 });
  workerPool.on('error', () => undefined);
  const common = { pgPool: workerPool, logger: quiet, noHandleSignals: true };
  return {
    name: `graphile-worker (${options.tuned ? 'local queue 100, batched completion' : 'defaults'}, concurrency ${options.concurrency})`,
    async setup() {
      await runMigrations(common);
    },
    async enqueue(client, itemIds) {
      if (itemIds.length === 1) {
        await client.query(`select graphile_worker.add_job('bench_item', json_build_object('itemId', $1::bigint))`, [itemIds[0]]);
      } else {
        // Its bulk form: one call for many jobs.
        await client.query(
          `select graphile_worker.add_jobs(array(select row('bench_item', json_build_object('itemId', id), null, null, null, null, null, null)::graphile_worker.job_spec from unnest($1::bigint[]) id))`,
          [itemIds],
        );
      }
    },
    async startWorkers(watch: JobWatch): Promise<RunningWorkers> {
      const runner: Runner = await run({
        ...common,
        concurrency: options.concurrency,
        pollInterval: options.pollIntervalMs ?? 2000,
        taskList: {
          bench_item: async (payload, helpers) => {
            const { itemId } = payload as ItemJob;
            watch.started([Number(itemId)]);
            await helpers.query(markDoneSql, [[itemId]]);
          },
        },
        preset: options.tuned ? { worker: { localQueue: { size: 100 }, completeJobBatchDelay: 0 } } : undefined,
      });
      return { stop: () => runner.stop() };
    },
    async waiting() {
      const { rows } = await options.pool.query<{ count: string }>(`select count(*) from graphile_worker._private_jobs`);
      return Number(rows[0]!.count);
    },
    async clear() {
      await options.pool.query('delete from graphile_worker._private_jobs');
    },
    async settle() {
      await options.pool.query('vacuum analyze graphile_worker._private_jobs, graphile_worker._private_tasks');
    },
    async close() {
      await workerPool.end();
    },
  };
}
