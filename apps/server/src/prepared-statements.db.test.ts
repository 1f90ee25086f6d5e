import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { preparedStatement } from '@innboks/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/test-database.ts';

describe.each(testDatabaseKinds())('Prepared hot statements on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.drop());

  test('a statement marked prepared gives the same rows as unmarked, for any values', async () => {
    const marked = (value: number) => sql<{ doubled: number }>`${sql.raw(preparedStatement)} select ${value}::int * 2 as doubled`.execute(database.db);
    const plain = (value: number) => sql<{ doubled: number }>`select ${value}::int * 2 as doubled`.execute(database.db);
    for (const value of [1, 21, -4]) expect((await marked(value)).rows).toEqual((await plain(value)).rows);
  });

  // PGlite has no named statements to reuse; the test exists where there are.
  if (kind === 'postgres') {
    test('on PostgreSQL it is parsed and planned once per connection, then reused', async () => {
      await database.db.connection().execute(async (connection) => {
        for (let round = 0; round < 3; round++) await sql`${sql.raw(preparedStatement)} select ${round}::int as round_number`.execute(connection);
        const prepared = await sql<{ count: number }>`select count(*)::int as count from pg_prepared_statements where statement like '%round_number%'`.execute(connection);
        expect(prepared.rows[0]!.count).toBe(1);
      });
    });
  }
});
