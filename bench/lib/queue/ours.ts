/**
 * Our queue (@innboks/db job-queue.ts) as a contestant: the job table of the
 * migrations, the enqueue statement the server runs, and the server's own worker
 * (apps/server/src/jobs/worker.ts) with the production defaults (claims of 100, a
 * lease of 60 s). `batch`: the handler takes a claim's jobs at once, as the delivery
 * handlers do; else one job at a time per lane.
 */
import type pg from 'pg';
import { systemClock } from '@innboks/core';
import { enqueueStatement, openDatabase, type DatabaseHandle, type JobOf } from '@innboks/db';
import { startWorker, type JobHandler } from '../../../apps/server/src/jobs/worker.ts';
import { markDoneSql, type ItemJob, type JobWatch, type QueueContestant, type RunningWorkers } from './contestant.ts';

interface BenchJobs {
  'bench-item': ItemJob;
}

export interface OursOptions {
  databaseUrl: string;
  pool: pg.Pool;
  lanes: number;
  batch: boolean;
  pollIntervalMs: number;
  batchSize?: number;
}

export function oursContestant(options: OursOptions): QueueContestant {
  let handle: DatabaseHandle | undefined;
  const markDone = async (itemIds: number[]) => {
    await options.pool.query(markDoneSql, [itemIds]);
  };
  return {
    name: `ours (${options.batch ? 'batch handler' : 'one job at a time'}, ${options.lanes} lanes, poll ${options.pollIntervalMs} ms)`,
    async setup() {
      handle = await openDatabase({ url: options.databaseUrl, poolSize: options.lanes + 2 });
    },
    async enqueue(client, itemIds) {
      // The SQL enqueueJobs runs (compiled by Kysely), on the caller's transaction.
      const query = enqueueStatement<BenchJobs>(itemIds.map((itemId) => ({ kind: 'bench-item' as const, payload: { itemId } }))).compile(handle!.db);
      await client.query(query.sql, query.parameters as unknown[]);
    },
    async startWorkers(watch: JobWatch): Promise<RunningWorkers> {
      const handler: JobHandler<ItemJob> = options.batch
        ? {
            async batch(jobs: JobOf<ItemJob>[]) {
              const ids = jobs.map((job) => job.payload.itemId);
              watch.started(ids);
              await markDone(ids);
              return new Map();
            },
          }
        : async (payload: ItemJob) => {
            watch.started([payload.itemId]);
            await markDone([payload.itemId]);
          };
      const worker = startWorker<BenchJobs>({
        db: handle!.db,
        clock: systemClock,
        handlers: { 'bench-item': handler },
        concurrency: options.lanes,
        batchSize: options.batchSize ?? 100,
        pollIntervalMs: options.pollIntervalMs,
      });
      return { stop: () => worker.stop() };
    },
    async waiting() {
      const { rows } = await options.pool.query<{ count: string }>(`select count(*) from job where kind = 'bench-item'`);
      return Number(rows[0]!.count);
    },
    async clear() {
      await options.pool.query(`delete from job where kind = 'bench-item'`);
    },
    async settle() {
      await options.pool.query('vacuum analyze job');
    },
    async close() {
      await handle?.close();
    },
  };
}
