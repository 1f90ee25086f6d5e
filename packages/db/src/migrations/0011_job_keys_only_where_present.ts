import { sql, type Kysely } from 'kysely';

/**
 * The job table's two lookup indexes hold only the jobs that have their key.
 *
 * The sweeper asks "is there a job for this letter?" and "…for this notice?" through
 * an index on `payload->>'messageId'` and one on `payload->>'noticeId'` (0003). A job
 * has one of the two, yet each index took an entry for every job, a null for the jobs
 * without its key, and a job is written four times (queued, claimed, and again for
 * the notice). With the indexes partial, each write of a job goes into one of them.
 * The sweeper's `payload->>key = $id` implies `is not null`, so PostgreSQL still
 * answers it from the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index job_by_message`.execute(db);
  await sql`drop index job_by_notice`.execute(db);
  await sql`create index job_by_message on job ((payload->>'messageId')) where (payload->>'messageId') is not null`.execute(db);
  await sql`create index job_by_notice on job ((payload->>'noticeId')) where (payload->>'noticeId') is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index job_by_message`.execute(db);
  await sql`drop index job_by_notice`.execute(db);
  await sql`create index job_by_message on job ((payload->>'messageId'))`.execute(db);
  await sql`create index job_by_notice on job ((payload->>'noticeId'))`.execute(db);
}
