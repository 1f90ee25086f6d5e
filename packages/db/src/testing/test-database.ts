/**
 * Integration tests run on PGlite always and, when TEST_DATABASE_URL is set, on a
 * real PostgreSQL too: each test file gets a database of its own there.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../database.ts';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** Connection URL for a real server; undefined for PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** `upTo`: the schema as it was after that migration (an upgrade test runs the rest itself); else the latest. */
export async function createTestDatabase(kind: TestDatabaseKind, options: { dataDir?: string; adminUrl?: string; upTo?: string } = {}): Promise<TestDatabase> {
  const migrate = (db: Kysely<unknown>) => (options.upTo ? migrateUpTo(db, options.upTo) : migrateToLatest(db));
  if (kind === 'pglite') {
    const handle = await openDatabase(options.dataDir ? { dataDir: options.dataDir } : {});
    await migrate(handle.db as Kysely<unknown>);
    return { ...handle, url: undefined, drop: () => handle.close() };
  }
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL!;
  const name = `innboks_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 8 });
  await migrate(handle.db as Kysely<unknown>);
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A short-lived connection to the server's admin database, for making and dropping databases. */
export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
