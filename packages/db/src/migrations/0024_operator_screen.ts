import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The operator's screen (README "Operating Innboks").
 * - `staff_member.operator`: a staff member who runs the service; only they pass the
 *   operator guard. Operators see delivery metadata, never letters.
 * - `operator_audit`: one row per operator request (who, what, when, which ids),
 *   append-only like the access log (triggers refuse UPDATE, DELETE and TRUNCATE).
 * - `queue_sample`: the job queue's depth per kind, written by the sweeper every few
 *   minutes (the `job` table forgets finished jobs, so its past cannot be counted
 *   afterwards); one row per five-minute slot and kind, so two workers write it once.
 * - BRIN indexes on the times the charts count by: cheap to keep on tables written in
 *   time order, and they let an hour's or a week's range skip the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    alter table staff_member add column operator boolean not null default false;

    create table operator_audit (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      staff_id uuid not null references staff_member(id),
      staff_name text not null,
      action text not null check (action in ('overview', 'search', 'timeline', 'dead-letters', 'replay', 'stop', 'audit-log')),
      object_ids text[] not null default '{}',
      detail text
    );
    create index operator_audit_by_time on operator_audit (at, id);

    create function operator_audit_append_only() returns trigger language plpgsql as $$ begin raise exception 'operator_audit is append-only'; end $$;
    create trigger operator_audit_no_change before update or delete on operator_audit
      for each row execute function operator_audit_append_only();
    create trigger operator_audit_no_truncate before truncate on operator_audit
      for each statement execute function operator_audit_append_only();

    create table queue_sample (
      sampled_at timestamptz not null,
      kind text not null,
      queued integer not null,
      running integer not null,
      dead integer not null,
      primary key (sampled_at, kind)
    );

    create index delivery_event_by_time on delivery_event using brin (at);
    create index notice_by_sent_time on notice using brin (sent_at);
    create index dead_letter_by_time on dead_letter (created_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists delivery_event_by_time, notice_by_sent_time, dead_letter_by_time`.execute(db);
  await sql`drop table if exists queue_sample, operator_audit`.execute(db);
  await sql`drop function if exists operator_audit_append_only()`.execute(db);
  await sql`alter table staff_member drop column operator`.execute(db);
}
