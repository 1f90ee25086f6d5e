import { sql, type Kysely } from 'kysely';

/**
 * The Dialogmelding door's memory. `dialog_exchange` has a row per message Innboks
 * took in or sent out over AMQP — whose HER-id, its MsgId, the letter it became or
 * came from, and the AppRec that answered it — so a citizen's answer finds its way
 * back, a repeated MsgId is known, and the dev page lists traffic both ways.
 * `dialog_failure` counts the deliveries of a message that failed for an unknown
 * reason, so it is dead-lettered after the tenth however often the consumer restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dialog_exchange (
      id uuid primary key default gen_random_uuid(),
      direction text not null check (direction in ('in', 'out')),
      counterpart_her_id text not null,
      msg_id text not null,
      message_type text not null,
      conversation_id text not null,
      citizen_id uuid references citizen (id),
      message_id uuid,
      app_rec_status text check (app_rec_status in ('1', '2', '3')),
      app_rec_errors jsonb,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (direction, counterpart_her_id, msg_id)
    )`.execute(db);
  await sql`create index dialog_exchange_by_message on dialog_exchange (message_id) where message_id is not null`.execute(db);
  await sql`create index dialog_exchange_newest on dialog_exchange (updated_at desc)`.execute(db);
  await sql`
    create table dialog_failure (
      transport_message_id text primary key,
      from_her_id text not null,
      deliveries integer not null,
      last_error text not null,
      dead_lettered_at timestamptz,
      updated_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dialog_failure`.execute(db);
  await sql`drop table dialog_exchange`.execute(db);
}
