/**
 * The claim's bound against the database's own clock: a job enqueued without `runAt`
 * is stamped by PostgreSQL's now(), which has microseconds, while a worker's clock has
 * milliseconds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { claimJobs, jobWithoutCitizen } from './job-queue.ts';

describe.each(testDatabaseKinds())('Claiming jobs on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.drop());

  test('a job stamped later within the millisecond the worker\'s clock reads is due, and one a millisecond later is not yet', async () => {
    const clock = new Date('2026-12-06T10:00:00.000Z');
    const insert = (runAt: string, n: number) =>
      sql`insert into job (citizen_id, kind, payload, run_at) values (${jobWithoutCitizen}, 'test-claim', ${JSON.stringify({ n })}::jsonb, ${runAt}::timestamptz)`.execute(database.db);
    await insert('2026-12-06T10:00:00.000400Z', 1);
    await insert('2026-12-06T10:00:00.001000Z', 2);
    const claimed = await claimJobs(database.db, 'worker-1', 10, 60_000, clock);
    expect(claimed.map((job) => (job.payload as { n: number }).n)).toEqual([1]);
  });
});
