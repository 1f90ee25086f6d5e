import { sql, type Kysely } from 'kysely';

/**
 * A delivery attempt's unique key names its citizen: `(citizen_id, message_id,
 * channel)` in place of `(message_id, channel)`, and the index on `(citizen_id,
 * message_id)` goes, since the new key begins with the same columns.
 *
 * A letter's attempts are written five times on its way (the inbox queued and
 * delivered, the e-mail notice queued, sending and delivered), each time into every
 * index of the table; one index fewer is five index entries fewer a letter. Every
 * query already names the citizen beside the letter, and a key that holds the citizen
 * is what a table distributed by citizen needs (ARCHITECTURE.md, "Past one database
 * server").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table delivery_attempt add constraint delivery_attempt_citizen_message_channel_key unique (citizen_id, message_id, channel)`.execute(db);
  await sql`alter table delivery_attempt drop constraint delivery_attempt_message_id_channel_key`.execute(db);
  await sql`drop index delivery_attempt_by_citizen`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index delivery_attempt_by_citizen on delivery_attempt (citizen_id, message_id)`.execute(db);
  await sql`alter table delivery_attempt add constraint delivery_attempt_message_id_channel_key unique (message_id, channel)`.execute(db);
  await sql`alter table delivery_attempt drop constraint delivery_attempt_citizen_message_channel_key`.execute(db);
}
