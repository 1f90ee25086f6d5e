/**
 * The production upgrade path of migration 0025: the citizens there are are filed in
 * the national id directory under their own ids, and the writers that come after
 * find them there rather than making a second citizen for the same national id.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { migrateToLatest } from '../migrate.ts';
import { migrations } from './index.ts';
import { upsertCitizen } from '../repositories/citizens.ts';
import { CitizenSessionStore } from '../sessions/citizen-sessions.ts';

const thisMigration = '0025_citizen_by_national_id';
const releaseBefore = Object.keys(migrations)
  .sort()
  .filter((name) => name < thisMigration)
  .at(-1)!;

describe.each(testDatabaseKinds())('Migration 0025 on a database with citizens, on %s', (kind) => {
  let database: TestDatabase;
  const kari = randomUUID();
  const ola = randomUUID();
  beforeAll(async () => {
    database = await createTestDatabase(kind, { upTo: releaseBefore });
    const db = database.db as Kysely<unknown>;
    await sql`insert into citizen (id, national_id, name) values (${kari}, '01810112345', 'Kari'), (${ola}, '02820212345', '')`.execute(db);
    await migrateToLatest(db);
  });
  afterAll(async () => database?.drop());

  test('files every citizen there was under its national id and its own id', async () => {
    const rows = await database.db.selectFrom('citizen_by_national_id').selectAll().orderBy('national_id').execute();
    expect(rows).toEqual([
      { national_id: '01810112345', citizen_id: kari },
      { national_id: '02820212345', citizen_id: ola },
    ]);
  });

  test('a letter and a login after the upgrade find the citizens there were', async () => {
    expect(await upsertCitizen(database.db, '02820212345')).toBe(ola);
    expect(await new CitizenSessionStore(database.db).subjectForLogin('01810112345', 'Kari')).toBe(kari);
    const counted = await database.db.selectFrom('citizen').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(counted.count)).toBe(2);
  });

  test('keeps the national id unique in the directory, not in citizen', async () => {
    await expect(sql`insert into citizen_by_national_id (national_id, citizen_id) values ('01810112345', ${randomUUID()})`.execute(database.db)).rejects.toMatchObject({ code: '23505' });
    const keys = await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'citizen'::regclass and contype = 'u'`.execute(database.db);
    expect(keys.rows).toEqual([]);
  });
});
