/**
 * The two job queues of the side-by-side (benchmarks/queue-side-by-side.ts) behind one
 * face: each enqueues a job in the caller's transaction, beside a data row, and runs
 * workers that mark the row done. Both get the same PostgreSQL, the same pg client
 * for enqueues and the same number of jobs in hand at once.
 */
import type pg from 'pg';

/** The one job of the workload: the data row it points to (ids only, as ours carry). */
export interface ItemJob {
  itemId: number;
}

/** Called when a handler starts on a job, and again for each job it finished. */
export interface JobWatch {
  started(itemIds: readonly number[]): void;
}

export interface RunningWorkers {
  stop(): Promise<void>;
}

export interface QueueContestant {
  name: string;
  /** Tables and functions of its own, in the benchmark's database. */
  setup(): Promise<void>;
  /** Inside an open transaction on `client`: queue jobs for these rows. */
  enqueue(client: pg.PoolClient, itemIds: readonly number[]): Promise<void>;
  startWorkers(watch: JobWatch): Promise<RunningWorkers>;
  /** Jobs not yet done (queued or running). */
  waiting(): Promise<number>;
  /** Every job of the benchmark gone, between phases. */
  clear(): Promise<void>;
  /** VACUUM ANALYZE of its job tables, so no phase pays for the dead rows of the one before. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The data table both queues' jobs point to and their handlers update. */
export const itemTable = 'bench_queue_item';

export async function createItemTable(pool: pg.Pool): Promise<void> {
  await pool.query(`create table if not exists ${itemTable} (id bigserial primary key, queue text not null, created_at timestamptz not null default now(), done_at timestamptz)`);
}

/** The work of one job in both queues: its row marked done (a batch at once where the queue hands over a batch). */
export const markDoneSql = `update ${itemTable} set done_at = now() where id = any($1::bigint[])`;
