import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Municipal health and care services.
 * - `municipality`: which municipalities take part in the trial of citizen messaging.
 * - `municipal_service`: a service of a municipality's health and care organisation
 *   (home nursing, physiotherapy, …), and whether it has opened for digital contact.
 * - `service_enrolment`: which citizen receives which service, as the municipality's
 *   system says with FHIR EpisodeOfCare; only `status = 'active'` counts.
 * - `staff_member`, `staff_membership`: employees (HelseID identity) and the services
 *   they work in. `staff_session`, `staff_login_state`: the staff workspace's login.
 * - `municipal_thread`, `municipal_message`: the inbox threads between a citizen and a
 *   service (the thread and message rows themselves are the inbox's own).
 * - `access_log`: one row per staff read, append-only (triggers refuse UPDATE, DELETE
 *   and TRUNCATE) and hash-chained: each row's hash covers its fields and the previous
 *   row's hash; `access_log_head` holds the chain's end and serialises appends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create table municipality (
      name text primary key,
      in_trial boolean not null default false
    );

    alter table organization add column municipality text references municipality(name);

    create table municipal_service (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization(id),
      code text not null,
      name text not null,
      digital_contact boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organization_id, code)
    );

    create table service_enrolment (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      service_id uuid not null references municipal_service(id),
      organization_id uuid not null references organization(id),
      identifier_system text not null,
      identifier_value text not null,
      status text not null check (status in ('planned','waitlist','active','onhold','finished','cancelled','entered-in-error')),
      period_start timestamptz,
      period_end timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (organization_id, identifier_system, identifier_value)
    );
    create index service_enrolment_by_citizen on service_enrolment (citizen_id, service_id) where status = 'active';
    create index service_enrolment_by_service on service_enrolment (service_id, citizen_id) where status = 'active';

    create table staff_member (
      id uuid primary key default gen_random_uuid(),
      national_id text not null unique,
      hpr_number text,
      name text not null,
      created_at timestamptz not null default now()
    );

    create table staff_membership (
      staff_id uuid not null references staff_member(id),
      service_id uuid not null references municipal_service(id),
      created_at timestamptz not null default now(),
      primary key (staff_id, service_id)
    );
    create index staff_membership_by_service on staff_membership (service_id, staff_id);

    create table staff_session (
      id text primary key,
      staff_id uuid not null references staff_member(id),
      id_token text,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index staff_session_by_staff on staff_session (staff_id);

    create table staff_login_state (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index staff_login_state_expiry on staff_login_state (expires_at);

    create table municipal_thread (
      citizen_id uuid not null references citizen(id),
      thread_id uuid not null references thread(id),
      service_id uuid not null references municipal_service(id),
      status text not null default 'open' check (status in ('open','closed')),
      -- When the oldest unanswered message from the citizen came; null when answered.
      awaiting_answer_since timestamptz,
      assigned_staff_id uuid references staff_member(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (citizen_id, thread_id)
    );
    create unique index municipal_thread_by_thread on municipal_thread (thread_id);
    -- The shared inbox of a service: unanswered first, longest waiting first.
    create index municipal_thread_inbox on municipal_thread (service_id, status, awaiting_answer_since);

    create table municipal_message (
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      thread_id uuid not null references thread(id),
      service_id uuid not null references municipal_service(id),
      author_staff_id uuid references staff_member(id),
      -- The first working day after sending (Oslo), YYYY-MM-DD.
      expected_answer_by text,
      primary key (citizen_id, message_id)
    );
    create index municipal_message_by_thread on municipal_message (citizen_id, thread_id);

    create table access_log (
      seq bigint primary key,
      at timestamptz not null,
      staff_id uuid not null,
      staff_name text not null,
      service_id uuid not null,
      service_name text not null,
      citizen_id uuid not null,
      object_type text not null check (object_type in ('thread','message','attachment')),
      object_id uuid not null,
      thread_id uuid not null,
      prev_hash text not null,
      hash text not null
    );
    create index access_log_by_citizen on access_log (citizen_id, at desc, seq desc);

    create table access_log_head (
      id boolean primary key default true check (id),
      seq bigint not null,
      hash text not null
    );
    insert into access_log_head (id, seq, hash) values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');
  `,
  );

  // Function bodies hold semicolons, so each goes on its own.
  await sql
    .raw(
      /* sql */ `
    create function access_log_field(value text) returns text language sql immutable as $$
      select octet_length(value)::text || ':' || value || ';'
    $$`,
    )
    .execute(db);
  await sql
    .raw(
      /* sql */ `
    create function access_log_chain() returns trigger language plpgsql as $$
    declare
      head record;
    begin
      update access_log_head set seq = seq + 1 where id returning seq, hash into head;
      new.seq := head.seq;
      new.at := date_trunc('milliseconds', coalesce(new.at, now()));
      new.prev_hash := head.hash;
      new.hash := encode(sha256(convert_to(
        access_log_field(new.seq::text) ||
        access_log_field(((extract(epoch from new.at) * 1000000)::bigint)::text) ||
        access_log_field(new.staff_id::text) ||
        access_log_field(new.staff_name) ||
        access_log_field(new.service_id::text) ||
        access_log_field(new.service_name) ||
        access_log_field(new.citizen_id::text) ||
        access_log_field(new.object_type) ||
        access_log_field(new.object_id::text) ||
        access_log_field(new.thread_id::text) ||
        access_log_field(new.prev_hash), 'UTF8')), 'hex');
      update access_log_head set hash = new.hash where id;
      return new;
    end
    $$`,
    )
    .execute(db);
  await sql
    .raw(
      /* sql */ `
    create function access_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'access_log is append-only: % is not allowed', tg_op using errcode = '42501';
    end
    $$`,
    )
    .execute(db);
  await sql
    .raw(
      /* sql */ `
    create function access_log_head_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and pg_trigger_depth() > 1 then
        return new;
      end if;
      raise exception 'access_log_head moves only with an access_log insert: % is not allowed', tg_op using errcode = '42501';
    end
    $$`,
    )
    .execute(db);
  await runStatements(
    db,
    /* sql */ `
    create trigger access_log_chain before insert on access_log for each row execute function access_log_chain();
    create trigger access_log_append_only before update or delete on access_log for each row execute function access_log_refuse_change();
    create trigger access_log_no_truncate before truncate on access_log for each statement execute function access_log_refuse_change();
    create trigger access_log_head_guard before update or delete on access_log_head for each row execute function access_log_head_guard();
    create trigger access_log_head_no_truncate before truncate on access_log_head for each statement execute function access_log_refuse_change();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    drop table access_log_head, access_log, municipal_message, municipal_thread, staff_login_state, staff_session, staff_membership, staff_member, service_enrolment, municipal_service cascade;
    drop function access_log_chain, access_log_refuse_change, access_log_head_guard, access_log_field;
    alter table organization drop column municipality;
    drop table municipality;
  `,
  );
}
