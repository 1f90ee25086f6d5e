import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Delivery: each letter's channel plan, the notices (one per citizen and channel per
 * window, however many letters), the citizen's notice choice, and dead letters for
 * operators. Keyed by citizen like the inbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    -- A letter's channel plan: the channels in order (first used now, the rest fallbacks),
    -- the register facts it was made from, and where it stands.
    create table delivery_plan (
      citizen_id uuid not null references citizen(id),
      message_id uuid not null references message(id),
      channels jsonb not null,
      step integer not null default 0,
      notices jsonb not null default '[]',
      facts jsonb not null,
      unread_fallback_at timestamptz,
      unread_fallback_done boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (citizen_id, message_id)
    );
    create index delivery_plan_fallback_due on delivery_plan (unread_fallback_at) where unread_fallback_at is not null and not unread_fallback_done;

    -- One notice may stand for many letters. At most one is pending per citizen and channel.
    create table notice (
      citizen_id uuid not null references citizen(id),
      id uuid not null,
      channel text not null check (channel in ('sms','email')),
      recipient text not null,
      state text not null check (state in ('pending','sending','sent','failed','skipped')),
      due_at timestamptz not null,
      sending_at timestamptz,
      sent_at timestamptz,
      provider_id text,
      detail text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (citizen_id, id)
    );
    create unique index notice_one_pending on notice (citizen_id, channel) where state = 'pending';
    create index notice_by_citizen_channel on notice (citizen_id, channel, created_at);
    create index notice_open on notice (updated_at) where state in ('pending','sending');

    create table notice_letter (
      citizen_id uuid not null references citizen(id),
      notice_id uuid not null,
      message_id uuid not null references message(id),
      primary key (citizen_id, notice_id, message_id)
    );
    create index notice_letter_by_message on notice_letter (citizen_id, message_id);

    -- Per citizen and notice channel: serialises notice decisions and remembers the last one.
    create table notice_throttle (
      citizen_id uuid not null references citizen(id),
      channel text not null check (channel in ('sms','email')),
      last_notice_at timestamptz,
      primary key (citizen_id, channel)
    );

    -- The citizen's own choice on the notice-settings page.
    create table notice_setting (
      citizen_id uuid primary key references citizen(id),
      choice text not null check (choice in ('sms','email','both')),
      updated_at timestamptz not null
    );

    -- What gave up: a channel attempt out of tries or rejected, a notice, a plan with no channel.
    create table dead_letter (
      id bigint generated always as identity primary key,
      citizen_id uuid not null references citizen(id),
      message_id uuid references message(id),
      notice_id uuid,
      step text not null,
      reason text not null,
      attempts integer not null,
      created_at timestamptz not null,
      replayed_at timestamptz
    );
    create index dead_letter_open on dead_letter (created_at) where replayed_at is null;
    create index dead_letter_by_citizen on dead_letter (citizen_id, message_id);

    -- The sweeper asks "is there a job for this letter / notice?".
    create index job_by_message on job ((payload->>'messageId'));
    create index job_by_notice on job ((payload->>'noticeId'));
    create index delivery_attempt_open on delivery_attempt (updated_at) where state in ('queued','sending');
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists job_by_message, job_by_notice, delivery_attempt_open`.execute(db);
  await sql`drop table dead_letter, notice_setting, notice_throttle, notice_letter, notice, delivery_plan cascade`.execute(db);
}
