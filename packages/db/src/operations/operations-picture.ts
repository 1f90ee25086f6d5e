/**
 * What an operator reads off the database as a whole (every API and worker process
 * shares it): whether the schema is there and up to date, how deep the job queue is
 * and how long its oldest due job has waited, and the dead letters by cause. Each is
 * one small statement: finished jobs are deleted and open dead letters are few, so a
 * scrape every few seconds costs next to nothing.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Database } from '../schema.ts';
import { migrations } from '../migrations/index.ts';

export type SchemaState = { reachable: true; pendingMigrations: string[] } | { reachable: false; error: string };

/** Reachable and migrated: the migrations this build knows that the database has not run. */
export async function schemaState(db: Kysely<Database>): Promise<SchemaState> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };
  try {
    const known = await new Migrator({ db: db as Kysely<unknown>, provider }).getMigrations();
    return { reachable: true, pendingMigrations: known.filter((migration) => !migration.executedAt).map((migration) => migration.name) };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface QueueDepth {
  kind: string;
  state: 'queued' | 'running' | 'dead';
  jobs: number;
  /** Seconds since the oldest queued job became due (0 when none is due: a retry waiting for its time is not late). */
  oldestDueSeconds: number;
}

export async function queueDepths(db: Kysely<Database>, now: Date): Promise<QueueDepth[]> {
  const result = await sql<QueueDepth>`
    select kind, state, count(*)::int as "jobs",
      coalesce(extract(epoch from (${now}::timestamptz - min(run_at) filter (where state = 'queued' and run_at <= ${now}))), 0)::float8 as "oldestDueSeconds"
    from job group by kind, state order by kind, state`.execute(db);
  return result.rows;
}

/** `rejected` (the outside system said no), `gave-up` (out of tries), or `no-channel` (a plan found nowhere to send). */
export type DeadLetterCause = 'rejected' | 'gave-up' | 'no-channel';

/** The cause of a dead letter from its reason, as jobs/step.ts and plan-batch.ts write it (and the SQL below reads it). */
export function deadLetterCause(reason: string): DeadLetterCause {
  if (reason.startsWith('rejected:')) return 'rejected';
  if (reason.startsWith('gave up')) return 'gave-up';
  return 'no-channel';
}

export interface DeadLetterCount {
  step: string;
  cause: DeadLetterCause;
  count: number;
}

/** Open (not replayed) dead letters by step and cause; the reasons are written by jobs/step.ts and plan-batch.ts. */
export async function openDeadLetterCounts(db: Kysely<Database>): Promise<DeadLetterCount[]> {
  const result = await sql<DeadLetterCount>`
    select step,
      case when reason like 'rejected:%' then 'rejected' when reason like 'gave up%' then 'gave-up' else 'no-channel' end as cause,
      count(*)::int as "count"
    from dead_letter where replayed_at is null group by 1, 2 order by 1, 2`.execute(db);
  return result.rows;
}
