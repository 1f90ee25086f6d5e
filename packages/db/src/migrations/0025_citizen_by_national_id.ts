import { sql, type Kysely } from 'kysely';

/**
 * The national id is unique across citizens, which a unique key of `citizen` —
 * distributed by its `id` on Citus (docs/citus.md) — cannot hold: only a key that
 * contains the distribution column is enforced on one shard. The rule moves to a
 * directory, `citizen_by_national_id`, keyed by the national id and naming the
 * citizen, distributed by the national id (its own shard group); it is filled from
 * the citizens there are, and the unique key on `citizen.national_id` is dropped.
 *
 * Every writer that makes a citizen claims the national id there first, with a new
 * id (`on conflict (national_id) do update … returning citizen_id`, which answers the
 * row also when a concurrent transaction made it), then writes the citizen row with
 * the id the directory answered (`on conflict (id)`). Every read that finds a citizen
 * by national id reads the directory, then the citizen by id, so `citizen` keeps no
 * index on `national_id`.
 *
 * The backfill reads every citizen and the new key is built over them, so on a large
 * database run it in a maintenance window (the citizen table is not locked for long:
 * dropping a unique key is instant).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table citizen_by_national_id (national_id text primary key, citizen_id uuid not null)`.execute(db);
  await sql`insert into citizen_by_national_id (national_id, citizen_id) select national_id, id from citizen`.execute(db);
  await sql`alter table citizen drop constraint citizen_national_id_key`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizen add constraint citizen_national_id_key unique (national_id)`.execute(db);
  await sql`drop table citizen_by_national_id`.execute(db);
}
