/**
 * The one writer of the access log: rows go in (the database numbers and chains
 * them) and each row's seal goes in beside it, in the caller's transaction, so a read
 * that cannot be logged fails with its log.
 */
import type { Insertable, Transaction } from 'kysely';
import type { AccessLogTable, Database } from '../../schema.ts';
import { accessLogSeal } from './access-log-chain.ts';

export async function appendAccessLog(tx: Transaction<Database>, key: string, entries: Insertable<AccessLogTable>[]): Promise<void> {
  if (entries.length === 0) return;
  const written = await tx.insertInto('access_log').values(entries).returning(['seq', 'hash']).execute();
  await tx
    .insertInto('access_log_seal')
    .values(written.map((row) => ({ seq: row.seq, mac: accessLogSeal(key, row.hash) })))
    .execute();
}
