import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** The citizen row for a national id, made on first contact (the registers fill in the rest). */
export async function upsertCitizen(tx: Kysely<Database> | Transaction<Database>, nationalId: string): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into citizen (national_id, name) values (${nationalId}, '')
    on conflict (national_id) do update set national_id = excluded.national_id
    returning id`.execute(tx);
  return row.rows[0]!.id;
}
