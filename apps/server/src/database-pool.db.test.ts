import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/test-database.ts';

// The pool is PostgreSQL's (DATABASE_URL); the embedded database is one connection.
describe.runIf(testDatabaseKinds().includes('postgres'))('The connection pool on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => database?.drop());

  async function backendsUnderLoad(environment: Record<string, string>): Promise<number> {
    const handle = await openConfiguredDatabase(loadConfig({ DATABASE_URL: database.url!, ...environment }));
    try {
      const pids = await Promise.all(
        Array.from({ length: 12 }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(handle.db).then(({ rows }) => rows[0]!.pid)),
      );
      return new Set(pids).size;
    } finally {
      await handle.close();
    }
  }

  test('an API-only process uses at most 4 connections however many requests wait', async () => {
    expect(await backendsUnderLoad({ INNBOKS_WORKER: 'false' })).toBe(4);
  });

  test('DATABASE_POOL_SIZE sets how many', async () => {
    expect(await backendsUnderLoad({ INNBOKS_WORKER: 'false', DATABASE_POOL_SIZE: '2' })).toBe(2);
    expect(await backendsUnderLoad({ DATABASE_POOL_SIZE: '6' })).toBe(6);
  });
});
