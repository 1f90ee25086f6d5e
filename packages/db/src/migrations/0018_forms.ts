import { sql, type Kysely } from 'kysely';

/**
 * Forms, surveys and research (SENDER-API.md "Questionnaire, Task and
 * QuestionnaireResponse"):
 * - `questionnaire`: a sender's published form, one row per canonical url + version;
 *   `all_citizens` marks a catalogue form anyone may start (Skjema).
 * - `form_task`: a form ordered for one citizen, with the inbox letter it arrived as;
 *   `closes_at` is restriction.period.end as an instant.
 * - `form_response`: a citizen's answers, a draft (`in-progress`) until submitted
 *   (`completed`). One response per task, so a second submit finds the first.
 * - `research_reservation`: the citizens who reserve against research.
 * Every citizen-owned row carries citizen_id first in its index (docs/citus.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table questionnaire (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization(id),
      url text not null,
      version text not null,
      status text not null check (status in ('draft', 'active', 'retired')),
      title text not null,
      all_citizens boolean not null default false,
      resource jsonb not null,
      version_id integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (organization_id, url, version)
    )`.execute(db);
  await sql`create index questionnaire_catalogue on questionnaire (title, id) where all_citizens and status = 'active'`.execute(db);

  await sql`
    create table form_task (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      organization_id uuid not null references organization(id),
      questionnaire_id uuid not null references questionnaire(id),
      identifier_system text not null,
      identifier_value text not null,
      status text not null check (status in ('requested', 'in-progress', 'completed', 'failed', 'cancelled')),
      status_reason text,
      description text,
      closes_at timestamptz,
      message_id uuid not null,
      response_id uuid,
      version_id integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (organization_id, identifier_system, identifier_value)
    )`.execute(db);
  await sql`create index form_task_citizen on form_task (citizen_id, created_at desc)`.execute(db);
  await sql`create index form_task_message on form_task (citizen_id, message_id)`.execute(db);
  await sql`create index form_task_changed on form_task (organization_id, updated_at, id)`.execute(db);

  await sql`
    create table form_response (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      questionnaire_id uuid not null references questionnaire(id),
      organization_id uuid not null references organization(id),
      task_id uuid references form_task(id),
      status text not null check (status in ('in-progress', 'completed')),
      items jsonb not null,
      author_national_id text not null,
      authored_at timestamptz,
      receipt_message_id uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index form_response_one_per_task on form_response (task_id) where task_id is not null`.execute(db);
  // One draft per citizen and catalogue form; submitted ones may be many.
  await sql`create unique index form_response_catalogue_draft on form_response (citizen_id, questionnaire_id) where task_id is null and status = 'in-progress'`.execute(db);
  await sql`create index form_response_citizen on form_response (citizen_id, updated_at desc)`.execute(db);
  await sql`create index form_response_answers on form_response (organization_id, questionnaire_id, updated_at, id) where status = 'completed'`.execute(db);

  await sql`
    create table research_reservation (
      citizen_id uuid primary key references citizen(id),
      reserved_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table research_reservation`.execute(db);
  await sql`drop table form_response`.execute(db);
  await sql`drop table form_task`.execute(db);
  await sql`drop table questionnaire`.execute(db);
}
