import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Appointments (Timeavtaler) and the link from letters and citizens' replies to them.
 * - `appointment`: one row per hospital appointment, created and replaced by the
 *   sender's own identifier (FHIR conditional update), keyed by citizen like the inbox.
 * - `appointment_message`: which appointment a message is about — the hospital's
 *   appointment letter (`about`), or the citizen's reply with its reason code and
 *   whether it was sent less than 24 hours before the start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create table appointment (
      id uuid primary key,
      citizen_id uuid not null references citizen(id),
      organization_id uuid not null references organization(id),
      identifier_system text not null,
      identifier_value text not null,
      status text not null check (status in ('proposed','pending','booked','arrived','fulfilled','cancelled','noshow','entered-in-error','checked-in','waitlist')),
      start_at timestamptz not null,
      end_at timestamptz not null,
      kind text not null check (kind in ('in-person','video','phone')),
      care_area text not null check (care_area in ('somatic','mental-health','substance-abuse')),
      clinic text,
      place text,
      description text,
      patient_instruction text,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (end_at > start_at),
      unique (organization_id, identifier_system, identifier_value)
    );
    create index appointment_by_citizen_start on appointment (citizen_id, start_at desc, id);

    create table appointment_message (
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      appointment_id uuid not null references appointment(id),
      role text not null check (role in ('letter','reply')),
      reason text check (reason in ('cannot-attend','confirm','question','request-change','request-end-of-treatment')),
      late boolean,
      created_at timestamptz not null,
      primary key (citizen_id, message_id),
      check ((role = 'reply') = (reason is not null and late is not null))
    );
    create index appointment_message_by_citizen_appointment on appointment_message (citizen_id, appointment_id, created_at);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table appointment_message, appointment`.execute(db);
}
