import { sql, type Kysely } from 'kysely';

/**
 * Every key of a citizen's rows carries the citizen, so the tables can be distributed
 * by `citizen_id` with Citus (docs/citus.md): Citus enforces a primary or unique key,
 * and a foreign key between two distributed tables, only when it contains the
 * distribution column, because only then does one shard hold every row it compares.
 *
 * - Primary keys become `(citizen_id, id)`; the foreign keys between citizen tables
 *   name the citizen on both sides (`(citizen_id, thread_id) → thread (citizen_id, id)`).
 * - Where the code finds a row by its id without knowing the citizen — a sender reading
 *   its letter, attachment, appointment, enrolment or form order by id, staff an
 *   attachment or a thread's municipal state, an operator a dead letter, a holder a
 *   power of attorney — a plain index on the id keeps that one probe. (On Citus such a
 *   read asks every shard; docs/citus.md lists them.)
 * - A sender's identifier (letters, appointments, enrolments, form orders) was unique by
 *   a key of each table on (organization_id, identifier_system, identifier_value), which
 *   Citus cannot hold in a table distributed by citizen. The key moves to a directory,
 *   `sender_identifier`, keyed by organisation, kind (the table) and identifier, naming
 *   the citizen and the item; it is filled from the rows there are.
 * - `job` gets `citizen_id`: the citizen its payload names, else the reserved nil id
 *   for jobs that concern no citizen (none of the project's kinds today), so the queue
 *   can be distributed with the data and a letter and its job stay one shard's write.
 *
 * Primary keys are rebuilt, so each table is locked while its index is built: on a
 * large database run it in a maintenance window.
 */
const noCitizen = '00000000-0000-0000-0000-000000000000';

/** Foreign keys whose referenced key changes, with the columns they get. */
const citizenForeignKeys = [
  { table: 'message', name: 'message_thread_id_fkey', columns: 'thread_id', references: 'thread' },
  { table: 'message', name: 'message_in_response_to_fkey', columns: 'in_response_to', references: 'message' },
  { table: 'attachment', name: 'attachment_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'appointment_message', name: 'appointment_message_appointment_id_fkey', columns: 'appointment_id', references: 'appointment' },
  { table: 'appointment_message', name: 'appointment_message_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'dead_letter', name: 'dead_letter_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'delivery_attempt', name: 'delivery_attempt_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'delivery_event', name: 'delivery_event_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'delivery_plan', name: 'delivery_plan_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'municipal_message', name: 'municipal_message_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'municipal_message', name: 'municipal_message_thread_id_fkey', columns: 'thread_id', references: 'thread' },
  { table: 'municipal_thread', name: 'municipal_thread_thread_id_fkey', columns: 'thread_id', references: 'thread' },
  { table: 'notice_letter', name: 'notice_letter_message_id_fkey', columns: 'message_id', references: 'message' },
  { table: 'form_response', name: 'form_response_task_id_fkey', columns: 'task_id', references: 'form_task' },
] as const;

/** The tables whose sender identifiers move to the directory, with their unique key's name. */
const identifiedTables = [
  { table: 'message', key: 'message_organization_id_identifier_system_identifier_value_key' },
  { table: 'appointment', key: 'appointment_organization_id_identifier_system_identifier_va_key' },
  { table: 'service_enrolment', key: 'service_enrolment_organization_id_identifier_system_identif_key' },
  { table: 'form_task', key: 'form_task_organization_id_identifier_system_identifier_valu_key' },
] as const;

/** Tables whose primary key becomes (citizen_id, id), and whether a lone id is still looked up. */
const keyedTables = [
  { table: 'thread', byId: false },
  { table: 'message', byId: true },
  { table: 'attachment', byId: true },
  { table: 'appointment', byId: true },
  { table: 'dead_letter', byId: true },
  { table: 'delivery_attempt', byId: false },
  { table: 'delivery_event', byId: false },
  { table: 'service_enrolment', byId: true },
  { table: 'form_task', byId: true },
  { table: 'form_response', byId: false },
  { table: 'power_of_attorney', byId: true },
  { table: 'representation_log', byId: false },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const key of citizenForeignKeys) await sql`alter table ${sql.table(key.table)} drop constraint ${sql.ref(key.name)}`.execute(db);
  for (const { table, byId } of keyedTables) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_pkey`)}, add primary key (citizen_id, id)`.execute(db);
    if (byId) await sql`create index ${sql.ref(`${table}_by_id`)} on ${sql.table(table)} (id)`.execute(db);
  }
  for (const key of citizenForeignKeys) {
    await sql`
      alter table ${sql.table(key.table)} add constraint ${sql.ref(key.name)}
      foreign key (citizen_id, ${sql.ref(key.columns)}) references ${sql.table(key.references)} (citizen_id, id)`.execute(db);
  }

  // Staff find a thread's municipal state by the thread alone; a thread's id is one
  // citizen's, so the primary key (citizen_id, thread_id) is the unique key.
  await sql`drop index municipal_thread_by_thread`.execute(db);
  await sql`create index municipal_thread_by_thread on municipal_thread (thread_id)`.execute(db);
  // One response per ordered form: the order is the citizen's, so the key names both.
  await sql`drop index form_response_one_per_task`.execute(db);
  await sql`create unique index form_response_one_per_task on form_response (citizen_id, task_id) where task_id is not null`.execute(db);

  await sql`
    create table sender_identifier (
      organization_id uuid not null,
      kind text not null check (kind in ('message', 'appointment', 'service_enrolment', 'form_task')),
      identifier_system text not null,
      identifier_value text not null,
      citizen_id uuid not null,
      item_id uuid not null,
      primary key (organization_id, kind, identifier_system, identifier_value)
    )`.execute(db);
  for (const { table, key } of identifiedTables) {
    await sql`
      insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id)
      select organization_id, ${table}, identifier_system, identifier_value, citizen_id, id from ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(key)}`.execute(db);
  }

  await sql`alter table job add column citizen_id uuid`.execute(db);
  await sql`
    update job set citizen_id = case
      when payload ->> 'citizenId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (payload ->> 'citizenId')::uuid
      else ${sql.lit(noCitizen)}::uuid end`.execute(db);
  await sql`alter table job alter column citizen_id set not null, drop constraint job_pkey, add primary key (citizen_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table job drop constraint job_pkey, add primary key (id)`.execute(db);
  await sql`alter table job drop column citizen_id`.execute(db);
  for (const { table, key } of identifiedTables) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(key)} unique (organization_id, identifier_system, identifier_value)`.execute(db);
  }
  await sql`drop table sender_identifier`.execute(db);
  await sql`drop index form_response_one_per_task`.execute(db);
  await sql`create unique index form_response_one_per_task on form_response (task_id) where task_id is not null`.execute(db);
  await sql`drop index municipal_thread_by_thread`.execute(db);
  await sql`create unique index municipal_thread_by_thread on municipal_thread (thread_id)`.execute(db);
  for (const key of citizenForeignKeys) await sql`alter table ${sql.table(key.table)} drop constraint ${sql.ref(key.name)}`.execute(db);
  for (const { table, byId } of keyedTables) {
    if (byId) await sql`drop index ${sql.ref(`${table}_by_id`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_pkey`)}, add primary key (id)`.execute(db);
  }
  for (const key of citizenForeignKeys) {
    await sql`alter table ${sql.table(key.table)} add constraint ${sql.ref(key.name)} foreign key (${sql.ref(key.columns)}) references ${sql.table(key.references)} (id)`.execute(db);
  }
}
