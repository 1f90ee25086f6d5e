import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { systemClock } from '@innboks/core';
import { claimJobs, enqueueJobs, type JobOf, type JobRow } from '@innboks/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { startWorker, type BatchJobHandler } from './worker.ts';

/** The worker's own registry for these tests: kinds that say what each test is about. */
interface TestJobs {
  together: { n: number };
  busy: { n: number };
}

describe.each(testDatabaseKinds())('The job worker on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.drop());

  // A kind a test does not enqueue still needs a handler: the table is typed by the registry.
  const unused = async () => {
    throw new Error('not enqueued in this test');
  };
  const jobsOf = (kindName: string) => database.db.selectFrom('job').selectAll().where('kind', '=', kindName).orderBy('id').execute();

  test('jobs of a batch kind reach their handler together; one it says failed comes back later, the others are gone', async () => {
    // Stamped by the database's now() (microseconds) and claimed at once by the worker's clock (milliseconds): due all the same.
    await enqueueJobs<TestJobs>(database.db, [1, 2, 3, 4, 5].map((n) => ({ kind: 'together' as const, payload: { n } })));
    const batches: number[][] = [];
    const handler: BatchJobHandler<{ n: number }> = {
      async batch(jobs: JobOf<{ n: number }>[]) {
        batches.push(jobs.map((job) => job.payload.n).sort());
        return new Map(jobs.filter((job) => job.payload.n === 3).map((job) => [job, new Error('register down')]));
      },
    };
    const worker = startWorker<TestJobs>({ db: database.db, clock: systemClock, handlers: { together: handler, busy: unused } }, { autoStart: false });
    expect(await worker.drain()).toBe(5);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    const left = await jobsOf('together');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ payload: { n: 3 }, state: 'queued', attempts: 1, last_error: 'register down' });
    expect(left[0]!.run_at.getTime()).toBeGreaterThan(Date.now());
    await database.db.deleteFrom('job').execute();
  });

  test('the longest-waiting jobs are taken first, a job whose worker died among them, and none that is not due', async () => {
    const now = new Date();
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await enqueueJobs<{ waiting: { n: string } }>(database.db, [
      { kind: 'waiting', payload: { n: 'two minutes' }, runAt: minutesAgo(2) },
      { kind: 'waiting', payload: { n: 'five minutes' }, runAt: minutesAgo(5) },
      { kind: 'waiting', payload: { n: 'tomorrow' }, runAt: new Date(now.getTime() + 86_400_000) },
      { kind: 'waiting', payload: { n: 'one minute' }, runAt: minutesAgo(1) },
      { kind: 'waiting', payload: { n: 'lease ran out' }, runAt: minutesAgo(3) },
    ]);
    // A worker took this one and died: its lease ended a minute ago.
    await database.db
      .updateTable('job')
      .set({ state: 'running', locked_by: 'gone', locked_until: minutesAgo(1), attempts: 1 })
      .where(sql<string>`payload->>'n'`, '=', 'lease ran out')
      .execute();

    const taken = (jobs: JobRow[]) => [...jobs].sort((a, b) => a.run_at.getTime() - b.run_at.getTime()).map((job) => String(job.payload.n));
    expect(taken(await claimJobs(database.db, 'first', 3, 60_000, now))).toEqual(['five minutes', 'lease ran out', 'two minutes']);
    expect(taken(await claimJobs(database.db, 'second', 3, 60_000, now))).toEqual(['one minute']);
    expect(await claimJobs(database.db, 'third', 3, 60_000, now)).toEqual([]);
    await database.db.deleteFrom('job').execute();
  });

  test('under load a worker holds several claims at once, and every job runs once', async () => {
    const count = 240;
    await enqueueJobs<TestJobs>(database.db, Array.from({ length: count }, (_, n) => ({ kind: 'busy' as const, payload: { n } })));
    const seen: number[] = [];
    let inHand = 0;
    let mostInHand = 0;
    const handler: BatchJobHandler<{ n: number }> = {
      async batch(jobs: JobOf<{ n: number }>[]) {
        inHand += 1;
        mostInHand = Math.max(mostInHand, inHand);
        await sleep(40);
        seen.push(...jobs.map((job) => job.payload.n));
        inHand -= 1;
        return new Map();
      },
    };
    // The embedded database has one connection: one claim at a time there.
    const lanes = kind === 'pglite' ? 1 : 3;
    const worker = startWorker<TestJobs>({ db: database.db, clock: systemClock, handlers: { together: unused, busy: handler }, batchSize: 20, concurrency: lanes, pollIntervalMs: 20 });
    try {
      for (let waited = 0; seen.length < count && waited < 20_000; waited += 20) await sleep(20);
    } finally {
      await worker.stop();
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(mostInHand).toBe(lanes);
    expect(await jobsOf('busy')).toEqual([]);
  });
});
