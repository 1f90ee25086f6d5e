import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Every change of delivery state is one transaction, and most join a batch of keys
 * (one JSON parameter, which the planner counts as 100 rows) to the delivery tables.
 * PostgreSQL's default random_page_cost of 4 prices each index probe as a read from
 * disk, so once a table holds some ten thousand rows the planner reads all of it
 * into a hash instead: 8 ms for a batch of 57 notices where the index takes 1. The
 * rows a batch touches are recent and in memory; 1.1 says so, for these
 * transactions only, so no other plan of the server changes.
 */
export function deliveryTransaction<T>(db: Kysely<Database>, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local random_page_cost = 1.1`.execute(tx);
    return work(tx);
  });
}
