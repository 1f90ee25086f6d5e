/**
 * Saving the channel plans of many letters in one transaction and a few statements:
 * each plan, its first channel started, the notices asked for and the jobs of the
 * next steps. A letter that has a plan already is left alone, so a batch run twice
 * changes nothing.
 */
import { sql, type Transaction } from 'kysely';
import { letterStatuses, noticeRecipient, type DeliveryChannel } from '@innboks/core';
import type { Database } from '../schema.ts';
import { enqueueJobs, type NewJob } from '../queue/job-queue.ts';
import { channelJob, unreadFallbackJob } from '../queue/job-kinds.ts';
import { recordset } from '../sql/recordset.ts';
import { attemptKey, moveAttempts, type AttemptChange } from './attempts.ts';
import { addDeadLetters, type DeadLetterEntry } from './dead-letters.ts';
import type { DeliverySettings, LetterRef, PlanRow, PlanToSave } from './delivery-types.ts';
import { requestNotices, type NoticeRequest } from './notice-batch.ts';

type Tx = Transaction<Database>;

/** A message's delivery status, set for a batch of letters in one statement. */
export async function setMessageStatuses(tx: Tx, changes: readonly (LetterRef & { status: string })[], at: Date): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({ citizen_id: change.citizenId, id: change.messageId, status: change.status }));
  // A letter's status only moves forward (letterStatuses in @innboks/core): a status
  // earlier than the letter's own, or one not in the order, leaves the letter as it is;
  // the same status again is written as before (a step run twice).
  const order = letterStatuses.join(',');
  await sql`
    update message m set status = s.status, updated_at = ${at}
    from ${recordset(rows, 's', 'citizen_id uuid, id uuid, status text')}
    where m.citizen_id = s.citizen_id and m.id = s.id
      and array_position(string_to_array(${order}, ','), m.status) <= array_position(string_to_array(${order}, ','), s.status)`.execute(tx);
}

/** Saves the plans and starts each first channel. Returns the letters whose plan was saved now. */
export async function savePlans(tx: Tx, settings: DeliverySettings, items: readonly PlanToSave[], at: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const planRows = items.map(({ letter, plan, facts }) => ({
    citizen_id: letter.citizenId,
    message_id: letter.messageId,
    channels: plan.channels,
    notices: plan.notices,
    facts,
    unread_fallback_at: plan.unreadFallbackAt?.toISOString() ?? null,
  }));
  const { rows: inserted } = await sql<{ message_id: string }>`
    insert into delivery_plan (citizen_id, message_id, channels, step, notices, facts, unread_fallback_at, created_at, updated_at)
    select citizen_id, message_id, channels, 0, notices, facts, unread_fallback_at, ${at}, ${at}
    from ${recordset(planRows, 'p', 'citizen_id uuid, message_id uuid, channels jsonb, notices jsonb, facts jsonb, unread_fallback_at timestamptz')}
    on conflict (citizen_id, message_id) do nothing
    returning message_id`.execute(tx);
  const saved = new Set(inserted.map((row) => row.message_id));
  const fresh = items.filter((item) => saved.has(item.letter.messageId));

  const skipped: AttemptChange[] = [];
  const statuses: (LetterRef & { status: string })[] = [];
  const dead: DeadLetterEntry[] = [];
  const starts: ChannelStart[] = [];
  for (const { letter, plan, facts } of fresh) {
    if (plan.inboxSkipped) skipped.push({ ...letter, channel: 'inbox', state: 'skipped', at, detail: plan.inboxSkipped });
    if (plan.channels.length === 0) {
      dead.push({ ...letter, noticeId: null, step: 'plan', reason: plan.unreachable ?? 'no channel', attempts: 1, at });
      statuses.push({ ...letter, status: 'not-done' });
    } else {
      const stored = { channels: plan.channels, step: 0, notices: plan.notices, facts, unreadFallbackAt: plan.unreadFallbackAt, unreadFallbackDone: false };
      starts.push({ letter, plan: stored, index: 0, detail: plan.noticeSkipped });
    }
  }
  await moveAttempts(tx, skipped);
  await setMessageStatuses(tx, statuses, at);
  await addDeadLetters(tx, dead);
  await startChannels(tx, settings, starts, at);
  return saved;
}

export interface ChannelStart {
  letter: LetterRef;
  plan: PlanRow;
  /** Which of the plan's channels starts. */
  index: number;
  detail: string | null;
}

/**
 * Starts a channel of each letter's plan: the inbox is delivered at once (the letter
 * completed, a notice asked for each unread one, the unread fallback queued when it
 * is due later); the digital mailbox or paper is queued with its job. The first
 * channel at planning and the next one after a failure both start here.
 */
export async function startChannels(tx: Tx, settings: DeliverySettings, starts: readonly ChannelStart[], at: Date): Promise<void> {
  if (starts.length === 0) return;
  const changes: AttemptChange[] = [];
  const completed: (LetterRef & { status: string })[] = [];
  const inInbox: ChannelStart[] = [];
  const elsewhere: ChannelStart[] = [];
  for (const start of starts) {
    const channel = start.plan.channels[start.index]!;
    if (channel === 'inbox') {
      changes.push({ ...start.letter, channel, state: 'delivered', at, detail: start.detail });
      completed.push({ ...start.letter, status: 'completed' });
      inInbox.push(start);
    } else {
      changes.push({ ...start.letter, channel, state: 'queued', at, detail: start.detail });
      elsewhere.push(start);
    }
  }
  const moved = await moveAttempts(tx, changes);
  await setMessageStatuses(tx, completed, at);

  const jobs: NewJob[] = [];
  for (const { letter, plan, index } of elsewhere) {
    const channel = plan.channels[index] as Exclude<DeliveryChannel, 'inbox'>;
    if (moved.has(attemptKey(letter.messageId, channel))) jobs.push({ kind: channelJob[channel], payload: { ...letter }, runAt: at, maxAttempts: settings.maxAttempts });
  }
  const unread = await unreadLetters(tx, inInbox.map((start) => start.letter));
  const notices: NoticeRequest[] = [];
  for (const { letter, plan } of inInbox) {
    if (unread.has(letter.messageId)) {
      for (const channel of plan.notices) {
        const recipient = noticeRecipient(channel, plan.facts.contact);
        if (recipient) notices.push({ ...letter, channel, recipient });
      }
      // A child's letter: each parent who may see it, on their own channels.
      for (const parent of plan.facts.parentNotices ?? []) notices.push({ ...letter, channel: parent.channel, recipient: parent.recipient, noticeCitizenId: parent.citizenId });
    }
    if (plan.unreadFallbackAt && !plan.unreadFallbackDone) jobs.push({ kind: unreadFallbackJob, payload: { ...letter }, runAt: plan.unreadFallbackAt });
  }
  await requestNotices(tx, settings, notices, at);
  await enqueueJobs(tx, jobs);
}

async function unreadLetters(tx: Tx, letters: readonly LetterRef[]): Promise<Set<string>> {
  if (letters.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    select m.id from message m
    join ${recordset(letters.map((letter) => ({ citizen_id: letter.citizenId, id: letter.messageId })), 'l', 'citizen_id uuid, id uuid')} on l.citizen_id = m.citizen_id and l.id = m.id
    where m.first_read_at is null`.execute(tx);
  return new Set(rows.map((row) => row.id));
}
