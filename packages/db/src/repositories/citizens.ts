/**
 * Citizens by national id. The national id is unique across citizens by the
 * directory `citizen_by_national_id` (migration 0025), not by a key of `citizen`,
 * which on Citus is distributed by its id (docs/citus.md). So every writer that makes
 * a citizen claims the national id there first, with a new id, and then writes the
 * citizen row with the id the directory answers; every read by national id asks the
 * directory, then the citizen by id.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The CTE `claimed (citizen_id)`: the citizen the national id names, a new id when it
 * names none yet. `do update` (of nothing) rather than `do nothing`: it answers the row
 * also when a concurrent transaction made it, which a later select in the same
 * statement would not see. It writes a row version of the directory's small row.
 */
export function claimNationalIdSql(nationalId: string, name = 'claimed'): RawBuilder<unknown> {
  return sql`${sql.raw(name)} as (
      insert into citizen_by_national_id (national_id, citizen_id) values (${nationalId}, gen_random_uuid())
      on conflict (national_id) do update set national_id = excluded.national_id
      returning citizen_id)`;
}

/** The citizen row for a national id, made on first contact (the registers fill in the rest). */
export async function upsertCitizen(tx: Kysely<Database> | Transaction<Database>, nationalId: string): Promise<string> {
  const row = await sql<{ id: string }>`
    with ${claimNationalIdSql(nationalId)},
    made as (insert into citizen (id, national_id, name) select citizen_id, ${nationalId}, '' from claimed on conflict (id) do nothing)
    select citizen_id as id from claimed`.execute(tx);
  return row.rows[0]!.id;
}

/** The citizen a national id names, if any: the directory, then nothing else (one shard on Citus). */
export async function citizenIdFor(db: Kysely<Database> | Transaction<Database>, nationalId: string): Promise<string | undefined> {
  const row = await db.selectFrom('citizen_by_national_id').select('citizen_id').where('national_id', '=', nationalId).executeTakeFirst();
  return row?.citizen_id;
}
