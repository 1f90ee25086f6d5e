import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The inbox. Every row that belongs to a citizen carries `citizen_id`, and every
 * inbox query is served by an index that starts with it, so the data can later be
 * distributed by citizen (Citus) without changing queries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create table citizen (
      id uuid primary key default gen_random_uuid(),
      national_id text not null unique,
      name text not null,
      portal_user boolean not null default false,
      municipality text,
      birth_date date,
      created_at timestamptz not null default now()
    );

    create table organization (
      id uuid primary key default gen_random_uuid(),
      org_number text not null unique,
      name text not null,
      kind text not null check (kind in ('hospital','gp','municipal-service','research','survey','forms')),
      region text check (region in ('helse-sor-ost','helse-vest','helse-nord','helse-midt')),
      created_at timestamptz not null default now()
    );

    create table sender_client (
      client_id text primary key,
      organization_id uuid not null references organization(id),
      name text not null,
      jwks jsonb not null,
      created_at timestamptz not null default now()
    );

    -- An inbox row: the first letter of a conversation and everything that answers it.
    create table thread (
      id uuid primary key,
      citizen_id uuid not null references citizen(id),
      organization_id uuid not null references organization(id),
      category text not null check (category in ('hospital','gp','municipal','research','receipts')),
      subject text not null,
      sender_name text not null,
      important boolean not null default false,
      unread boolean not null default true,
      archived boolean not null default false,
      has_attachments boolean not null default false,
      message_count integer not null default 1,
      last_activity_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index thread_by_citizen_activity on thread (citizen_id, archived, last_activity_at desc, id desc);
    create index thread_by_citizen_category_activity on thread (citizen_id, archived, category, last_activity_at desc, id desc);
    create index thread_unread_by_citizen on thread (citizen_id, category) where unread and not archived;

    create table message (
      id uuid primary key,
      citizen_id uuid not null references citizen(id),
      thread_id uuid not null references thread(id),
      organization_id uuid not null references organization(id),
      direction text not null check (direction in ('to-citizen','from-citizen')),
      kind text not null check (kind in ('letter','appointment-letter','message','survey','research','form-receipt')),
      subject text not null,
      sender_name text not null,
      -- Each contentString payload in order; body is the same text joined, for search.
      text_parts jsonb not null default '[]',
      body text not null default '',
      priority text not null default 'routine' check (priority in ('routine','urgent')),
      important boolean not null default false,
      identifier_system text not null,
      identifier_value text not null,
      in_response_to uuid references message(id),
      status text not null default 'in-progress',
      sent_at timestamptz not null,
      first_read_at timestamptz,
      updated_at timestamptz not null default now(),
      search tsvector generated always as (
        setweight(to_tsvector('norwegian'::regconfig, subject), 'A') ||
        setweight(to_tsvector('norwegian'::regconfig, sender_name), 'B') ||
        to_tsvector('norwegian'::regconfig, body)
      ) stored,
      unique (organization_id, identifier_system, identifier_value)
    );
    create index message_by_citizen_thread on message (citizen_id, thread_id, sent_at);
    create index message_search on message using gin (search);
    create index message_from_citizens on message (organization_id, updated_at) where direction = 'from-citizen';

    create table attachment (
      id uuid primary key,
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      position integer not null,
      title text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      data bytea not null
    );
    create index attachment_by_citizen_message on attachment (citizen_id, message_id);

    -- One row per channel attempt; the events table is its timeline.
    create table delivery_attempt (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      channel text not null,
      state text not null check (state in ('queued','sending','delivered','read','failed','skipped')),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (message_id, channel)
    );
    create index delivery_attempt_by_citizen on delivery_attempt (citizen_id, message_id);

    create table delivery_event (
      id bigint generated always as identity primary key,
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      channel text not null,
      state text not null,
      at timestamptz not null,
      detail text
    );
    create index delivery_event_by_message on delivery_event (message_id, at);

    -- Idempotency-Key replay store, scoped per sender client.
    create table idempotency_record (
      client_id text not null,
      key text not null,
      request_hash text not null,
      status_code integer not null,
      location text,
      response jsonb not null,
      created_at timestamptz not null default now(),
      primary key (client_id, key)
    );

    -- The job queue: rows inserted in the same transaction as the data they point to.
    create table job (
      id bigint generated always as identity primary key,
      kind text not null,
      payload jsonb not null,
      state text not null default 'queued' check (state in ('queued','running','dead')),
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 8,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now()
    );
    create index job_ready on job (run_at) where state = 'queued';
    create index job_leased on job (locked_until) where state = 'running';

    create table citizen_session (
      id text primary key,
      citizen_id uuid not null references citizen(id),
      acr text not null,
      id_token text,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index citizen_session_by_citizen on citizen_session (citizen_id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table citizen_session, job, idempotency_record, delivery_event, delivery_attempt, attachment, message, thread, sender_client, organization, citizen cascade`.execute(db);
}
