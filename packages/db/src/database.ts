/**
 * The one way to PostgreSQL: a real server through `pg` when a URL is given,
 * otherwise the embedded PGlite (WASM PostgreSQL) with its data under a folder.
 * Same migrations, same queries.
 */
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Connections of the pool: open, idle, and queries waiting for one (PostgreSQL only; PGlite has one connection, no pool). */
  poolUse?(): PoolUse;
}

export interface PoolUse {
  max: number;
  open: number;
  idle: number;
  waiting: number;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use a real PostgreSQL server. */
  url?: string;
  /** Folder for the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  /** Pool size for a real server. */
  poolSize?: number;
  /** Give up connecting after this long (a real server; default: wait). A replica that does not answer must not hold reads up. */
  connectTimeoutMs?: number;
}

// bigint and count(*) come back as string from pg and as number from PGlite; make both number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * PGlite starts with `-F` (fsync off) by default. We drop it and keep relaxedDurability
 * off so that a letter answered 201 survives a `kill -9` and a power cut.
 */
export function durableStartParams(): string[] {
  return PGlite.defaultStartParams.filter((param: string) => param !== '-F');
}

/**
 * Statements that begin with this comment are sent to PostgreSQL as named prepared
 * statements (`pg`; PGlite ignores it): parsed and planned once per connection instead
 * of on every request. For the hot statements whose best plan does not depend on the
 * values — a session by its id, an inbox page by citizen, a new letter's inserts — that
 * is PostgreSQL CPU saved on every request. Not for search: a word's frequency decides
 * its plan, and a generic plan would be wrong for rare or common words.
 */
export const preparedStatement = '/* prepared */';

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `innboks_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}

type QueryMethod = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/** Every new connection of the pool sends marked statements as named ones. */
function prepareMarkedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryMethod;
    (client as unknown as { query: QueryMethod }).query = (text, values, callback) =>
      typeof text === 'string' && text.startsWith(preparedStatement) ? query({ name: statementName(text), text, values }, callback) : query(text, values, callback);
  });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 16, ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}) });
    prepareMarkedStatements(pool);
    // An idle connection the server ends (restart, failover, a forced drop) must not crash
    // the process: the pool drops it and opens a new one on the next query.
    let closed = false;
    pool.on('error', (error) => {
      if (!closed) console.error(`PostgreSQL connection lost: ${error.message}`);
    });
    // A connection lost while it runs a statement fails that statement (its caller sees the
    // error), and pg also emits 'error' on the client, which the pool only listens for while
    // the client is idle: unheard, that event would end the process. The pool discards the
    // client when it is released with the error.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      poolUse: () => ({ max: pool.options.max, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => {
        closed = true;
        return db.destroy();
      },
    };
  }
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    relaxedDurability: false,
    startParams: durableStartParams(),
    // btree_gin: the (citizen_id, search) GIN index (migrations 0006, 0007).
    extensions: { btree_gin },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
