/**
 * The job queue lives in PostgreSQL beside the data: a job is inserted in the same
 * transaction as the rows it points to, so a letter saved is a letter queued.
 * Workers lease jobs with FOR UPDATE SKIP LOCKED; a worker that dies leaves a lease
 * that runs out, and the job is taken again. Jobs carry ids only and must be safe
 * to run twice.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, JobTable } from '../schema.ts';
import { recordset } from '../sql/recordset.ts';
import type { Selectable } from 'kysely';
import type { JobKind, JobPayloads } from './job-kinds.ts';

export type JobRow = Selectable<JobTable>;
/** A claimed job with the payload its kind carries (job-kinds.ts). */
export type JobOf<Payload> = Omit<JobRow, 'payload'> & { payload: Payload };
type Executor = Kysely<Database> | Transaction<Database>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/** One job of a registry: by default the project's own (job-kinds.ts); a test may bring a registry of its own. */
export type NewJob<Payloads = JobPayloads> = { [K in keyof Payloads & string]: { kind: K; payload: Payloads[K] } & EnqueueOptions }[keyof Payloads & string];

export async function enqueueJob<K extends JobKind>(executor: Executor, kind: K, payload: JobPayloads[K], options: EnqueueOptions = {}): Promise<void> {
  await enqueueJobs(executor, [{ kind, payload, ...options } as NewJob]);
}

/** The job table's default for max_attempts (migration 0001). */
const defaultMaxAttempts = 8;

/**
 * The citizen id of a job that concerns no citizen (none of the project's kinds today):
 * the queue is distributed by citizen on Citus, which needs a value there, so such jobs
 * share this one reserved id and its shard (docs/citus.md).
 */
export const jobWithoutCitizen = '00000000-0000-0000-0000-000000000000';

/** A job is filed under the citizen its payload names, so it is written with that citizen's rows. */
export function citizenOfJob(payload: unknown): string {
  const citizenId = (payload as { citizenId?: unknown } | null)?.citizenId;
  return typeof citizenId === 'string' ? citizenId : jobWithoutCitizen;
}

/** Many jobs in one statement (a batch of letters); runAt defaults to now, max attempts to the table's default. */
export async function enqueueJobs<Payloads = JobPayloads>(executor: Executor, jobs: readonly NewJob<Payloads>[]): Promise<void> {
  if (jobs.length === 0) return;
  await enqueueStatement(jobs).execute(executor);
}

/** The enqueue as one statement, for `enqueueJobs` and its SQL snapshot (__snapshots__/enqueue-jobs.sql). */
export function enqueueStatement<Payloads = JobPayloads>(jobs: readonly NewJob<Payloads>[]): RawBuilder<unknown> {
  const rows = jobs.map((job) => ({
    citizen_id: citizenOfJob(job.payload),
    kind: job.kind,
    payload: job.payload,
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: job.maxAttempts ?? null,
  }));
  return sql`
    insert into job (citizen_id, kind, payload, run_at, max_attempts)
    select citizen_id, kind, payload, coalesce(run_at, now()), coalesce(max_attempts, ${defaultMaxAttempts})
    from ${recordset(rows, 'j', 'citizen_id uuid, kind text, payload jsonb, run_at timestamptz, max_attempts integer')}`;
}

/**
 * Takes up to `limit` jobs that are due, or whose lease ran out, for `workerId`: the
 * longest waiting first.
 *
 * Each of the two is found by walking its partial index (`job_ready`, `job_leased`)
 * in order and stopping after `limit` rows, so a claim costs the same with a hundred
 * jobs waiting or a hundred thousand. Asked as one OR of both conditions, it could
 * only be planned as a scan of everything due and a sort: 27–45 ms a claim with 50,000
 * letters waiting (a mass mailing), growing with the queue, against 4–9 ms this way.
 */
export async function claimJobs(db: Kysely<Database>, workerId: string, limit: number, leaseMs: number, now: Date): Promise<JobRow[]> {
  const result = await claimStatement(workerId, limit, leaseMs, now).execute(db);
  return result.rows;
}

/** The claim as one statement, for `claimJobs` and its SQL snapshot (__snapshots__/claim-jobs.sql). */
export function claimStatement(workerId: string, limit: number, leaseMs: number, now: Date): RawBuilder<JobRow> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // The clock has milliseconds, PostgreSQL's now() (a job enqueued without runAt) has
  // microseconds: a job stamped 10:00:00.000400 is due for a worker whose clock says
  // 10:00:00.000, so the bound is the end of the clock's millisecond.
  const dueBefore = new Date(now.getTime() + 1);
  return sql<JobRow>`
    with due as (
      select citizen_id, id, run_at from job
      where state = 'queued' and run_at < ${dueBefore}
      order by run_at
      limit ${limit}
      for update skip locked
    ),
    lease_ran_out as (
      select citizen_id, id, run_at from job
      where state = 'running' and locked_until < ${now}
      order by locked_until
      limit ${limit}
      for update skip locked
    )
    update job set state = 'running', locked_by = ${workerId}, locked_until = ${leaseUntil}, attempts = attempts + 1
    where (citizen_id, id) in (select citizen_id, id from (select * from due union all select * from lease_ran_out) as taken order by run_at limit ${limit})
    returning *`;
}

/** Done: the job goes away, but only if this worker still holds it. */
export async function completeJob(db: Kysely<Database>, job: JobRow, workerId: string): Promise<void> {
  await completeJobs(db, [job], workerId);
}

/** Done, a batch at once: one statement. */
export async function completeJobs(db: Kysely<Database>, jobs: readonly JobRow[], workerId: string): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .deleteFrom('job')
    .where('citizen_id', 'in', [...new Set(jobs.map((job) => job.citizen_id))])
    .where('id', 'in', jobs.map((job) => job.id))
    .where('locked_by', '=', workerId)
    .execute();
}

/** Failed: back in the queue at `retryAt`, or dead (kept for operators) when out of attempts. */
export async function failJob(db: Kysely<Database>, job: JobRow, workerId: string, error: string, retryAt: Date): Promise<'retry' | 'dead'> {
  const outcome = job.attempts >= job.max_attempts ? 'dead' : 'retry';
  await db
    .updateTable('job')
    .set({
      state: outcome === 'dead' ? 'dead' : 'queued',
      run_at: retryAt,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
    })
    .where('citizen_id', '=', job.citizen_id)
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
  return outcome;
}

export async function listDeadJobs(db: Kysely<Database>): Promise<JobRow[]> {
  return db.selectFrom('job').selectAll().where('state', '=', 'dead').orderBy('id').execute();
}

/**
 * An operator's replay of a job the queue gave up on: queued again now, with a fresh set
 * of tries. False: no such dead job. By id alone (what the operator has): a walk of the
 * queue, which holds only what is waiting; rare, and not on any hot path.
 */
export async function requeueDeadJob(db: Kysely<Database>, id: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('job')
    .set({ state: 'queued', attempts: 0, run_at: at, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}
