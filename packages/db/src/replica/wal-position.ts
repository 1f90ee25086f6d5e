/**
 * Positions in PostgreSQL's write-ahead log (`pg_lsn`, written "16/B374D848"): a commit
 * is on a replica once the replica has replayed up to its position. As bigints they
 * compare in JavaScript without asking the server.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type WalPosition = bigint;

export function walPosition(lsn: string): WalPosition {
  const [, high, low] = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn) ?? [];
  if (!high || !low) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/**
 * Where the primary's WAL ends now. Asked after a commit it is at or past that commit's
 * record (the insert position, so also with `synchronous_commit = off`, where the write
 * position may still be behind it).
 */
export async function primaryWalEnd(db: Kysely<Database>): Promise<WalPosition> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
  return walPosition(rows[0]!.lsn);
}
