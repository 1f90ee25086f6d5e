import { sql, type Kysely } from 'kysely';

/**
 * Acting for others (parents for children, holders of a power of attorney).
 *
 * - `thread.representative_access`, `appointment.representative_access`: the code the
 *   sender gave (Helsenorge's 9603: N, NORN_FORANS, NORN_UNGDOM), null when it gave none.
 *   Kept as given, not resolved at arrival: whether an unmarked item is shown to a
 *   parent depends on the child's age when it is looked at (core, representation-rules.ts).
 *   A partial index finds a person's few marked threads for the unread counts.
 * - `message.sent_by_*`: who wrote a message the citizen side sent, when it was not the
 *   person (the `sent-by` extension the sender gets); null for the person themselves.
 * - `power_of_attorney`: given in the app by `citizen_id` to `holder_citizen_id`; ended
 *   by setting `ended_at`, never deleted, so the history stays.
 * - `representation_log`: every read and action of a representative, written in the
 *   same transaction; rows are never changed or removed.
 * - `citizen_session.acting_for_citizen_id`: whom the session acts for (the choice is
 *   kept in the session, never in URLs); checked again on every request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const accessCheck = sql.raw(`check (representative_access in ('N', 'NORN_FORANS', 'NORN_UNGDOM'))`);
  await sql`alter table thread add column representative_access text ${accessCheck}`.execute(db);
  await sql`alter table appointment add column representative_access text ${accessCheck}`.execute(db);
  await sql`create index thread_marked_for_representatives on thread (citizen_id) where representative_access is not null`.execute(db);
  await sql`
    alter table message
      add column sent_by_national_id text,
      add column sent_by_name text,
      add column sent_by_relation text check (sent_by_relation in ('FO', 'FU', 'VE'))`.execute(db);
  await sql`
    create table power_of_attorney (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      holder_citizen_id uuid not null references citizen(id),
      area text not null default 'digital-health-services' check (area in ('digital-health-services')),
      given_at timestamptz not null,
      valid_until date,
      ended_at timestamptz,
      ended_by text check (ended_by in ('person', 'holder')),
      check (citizen_id <> holder_citizen_id),
      check ((ended_at is null) = (ended_by is null))
    )`.execute(db);
  await sql`create index power_of_attorney_by_person on power_of_attorney (citizen_id, given_at desc)`.execute(db);
  await sql`create index power_of_attorney_by_holder on power_of_attorney (holder_citizen_id) where ended_at is null`.execute(db);
  await sql`create unique index power_of_attorney_one_open on power_of_attorney (citizen_id, holder_citizen_id) where ended_at is null`.execute(db);
  await sql`
    create table representation_log (
      id bigint generated always as identity primary key,
      citizen_id uuid not null references citizen(id),
      representative_citizen_id uuid not null references citizen(id),
      representative_name text not null,
      relation text not null check (relation in ('FO', 'FU', 'VE')),
      action text not null,
      object_kind text not null,
      object_id text,
      at timestamptz not null
    )`.execute(db);
  await sql`create index representation_log_by_person on representation_log (citizen_id, at desc)`.execute(db);
  await sql`
    create function representation_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'representation_log rows are never changed or removed';
    end $$`.execute(db);
  await sql`
    create trigger representation_log_append_only before update or delete on representation_log
    for each row execute function representation_log_is_append_only()`.execute(db);
  await sql`alter table citizen_session add column acting_for_citizen_id uuid references citizen(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizen_session drop column acting_for_citizen_id`.execute(db);
  await sql`drop table representation_log`.execute(db);
  await sql`drop function representation_log_is_append_only()`.execute(db);
  await sql`drop table power_of_attorney`.execute(db);
  await sql`alter table message drop column sent_by_national_id, drop column sent_by_name, drop column sent_by_relation`.execute(db);
  await sql`drop index thread_marked_for_representatives`.execute(db);
  await sql`alter table appointment drop column representative_access`.execute(db);
  await sql`alter table thread drop column representative_access`.execute(db);
}
