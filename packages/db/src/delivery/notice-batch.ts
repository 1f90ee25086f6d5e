/**
 * Notices for many letters at once: the decisions of one notice (join the pending one
 * or make a new one; may it go now?) taken for a whole batch in a few statements.
 * The per-citizen throttle rows serialise these decisions; a batch locks them in one
 * order (citizen, channel), so two batches cannot wait on each other.
 *
 * A notice belongs to the person it goes to. Usually that is the letter's citizen; for
 * a child's letter it is a parent (`NoticeRequest.noticeCitizenId`): the notice is the
 * parent's — their window, their language — and its `notice_letter` row names the
 * child (`letter_citizen_id`), whose letter's notice attempts it moves.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { endOfQuietHours, isQuiet, noticeDueAt, type Language, type NoticeChannel, type NoticeConcerns } from '@innboks/core';
import type { Database, NoticeState } from '../schema.ts';
import { enqueueJobs, type NewJob } from '../queue/job-queue.ts';
import { sendNoticeJob } from '../queue/job-kinds.ts';
import { recordset } from '../sql/recordset.ts';
import { moveAttempts, attemptKey, type AttemptChange } from './attempts.ts';
import type { DeliverySettings, NoticeStart } from './delivery-types.ts';

type Tx = Transaction<Database>;

export interface NoticeRequest {
  /** The letter's citizen. */
  citizenId: string;
  messageId: string;
  channel: NoticeChannel;
  recipient: string;
  /** Whose notice it is when not the letter's citizen's: a parent of the child. */
  noticeCitizenId?: string | undefined;
}

/** One letter a notice stands for; `citizenId` is the letter's (a child's, on a parent's notice). */
export interface NoticeLetter {
  citizenId: string;
  messageId: string;
  read: boolean;
}

const noticeOwner = (request: NoticeRequest) => request.noticeCitizenId ?? request.citizenId;

export interface NoticeRef {
  citizenId: string;
  noticeId: string;
}

const throttleKey = (citizenId: string, channel: string) => `${citizenId} ${channel}`;

/** Makes the throttle rows that are missing and locks them all, in one order; their last notice times. */
export async function lockThrottles(tx: Tx, keys: readonly { citizenId: string; channel: NoticeChannel }[]): Promise<Map<string, Date | null>> {
  const distinct = [...new Map(keys.map((key) => [throttleKey(key.citizenId, key.channel), { citizen_id: key.citizenId, channel: key.channel }])).values()];
  if (distinct.length === 0) return new Map();
  await sql`
    insert into notice_throttle (citizen_id, channel)
    select citizen_id, channel from ${recordset(distinct, 'k', 'citizen_id uuid, channel text')}
    order by citizen_id, channel
    on conflict (citizen_id, channel) do nothing`.execute(tx);
  const { rows } = await sql<{ citizen_id: string; channel: string; last_notice_at: Date | null }>`
    select t.citizen_id, t.channel, t.last_notice_at
    from notice_throttle t join ${recordset(distinct, 'k', 'citizen_id uuid, channel text')} on k.citizen_id = t.citizen_id and k.channel = t.channel
    order by t.citizen_id, t.channel
    for update of t`.execute(tx);
  return new Map(rows.map((row) => [throttleKey(row.citizen_id, row.channel), row.last_notice_at]));
}

/**
 * Letters that want a notice: each joins its citizen's pending notice on that
 * channel, or a new one is made (one per citizen and channel, however many letters of
 * the batch), due when the window since the last notice has passed (and, for SMS,
 * outside quiet hours). A letter that already has an attempt on the channel is left.
 */
export async function requestNotices(tx: Tx, settings: DeliverySettings, requests: readonly NoticeRequest[], at: Date): Promise<void> {
  if (requests.length === 0) return;
  const throttles = await lockThrottles(tx, requests.map((request) => ({ citizenId: noticeOwner(request), channel: request.channel })));
  const own = requests.filter((request) => !request.noticeCitizenId);
  const forOthers = requests.filter((request) => request.noticeCitizenId);
  const wanted = own.map((request) => ({ citizen_id: request.citizenId, message_id: request.messageId, channel: request.channel }));
  const { rows: existing } = await sql<{ message_id: string; channel: string }>`
    select a.message_id, a.channel from delivery_attempt a
    join ${recordset(wanted, 'w', 'citizen_id uuid, message_id uuid, channel text')} on w.citizen_id = a.citizen_id and w.message_id = a.message_id and w.channel = a.channel`.execute(tx);
  // A parent's notice of a child's letter: already asked for when the parent's notice on that channel stands for it.
  const { rows: linked } = await sql<{ citizen_id: string; message_id: string; channel: string }>`
    select nl.citizen_id, nl.message_id, n.channel from notice_letter nl
    join notice n on n.citizen_id = nl.citizen_id and n.id = nl.notice_id
    join ${recordset(
      forOthers.map((request) => ({ citizen_id: noticeOwner(request), message_id: request.messageId, channel: request.channel })),
      'w',
      'citizen_id uuid, message_id uuid, channel text',
    )} on w.citizen_id = nl.citizen_id and w.message_id = nl.message_id and w.channel = n.channel`.execute(tx);
  const owners = requests.map((request) => ({ citizen_id: noticeOwner(request), channel: request.channel }));
  const { rows: pending } = await sql<{ citizen_id: string; channel: string; id: string }>`
    select n.citizen_id, n.channel, n.id from notice n
    join (select distinct citizen_id, channel from ${recordset(owners, 'w', 'citizen_id uuid, channel text')}) w on w.citizen_id = n.citizen_id and w.channel = n.channel
    where n.state = 'pending'`.execute(tx);

  const requestKey = (request: NoticeRequest) =>
    request.noticeCitizenId ? `${request.noticeCitizenId} ${attemptKey(request.messageId, request.channel)}` : attemptKey(request.messageId, request.channel);
  const attempted = new Set([
    ...existing.map((row) => attemptKey(row.message_id, row.channel)),
    ...linked.map((row) => `${row.citizen_id} ${attemptKey(row.message_id, row.channel)}`),
  ]);
  const noticeFor = new Map(pending.map((row) => [throttleKey(row.citizen_id, row.channel), row.id]));
  const newNotices: { citizen_id: string; id: string; channel: string; recipient: string; due_at: string }[] = [];
  const jobs: NewJob[] = [];
  const links: { citizen_id: string; notice_id: string; message_id: string; letter_citizen_id: string | null }[] = [];
  const changes: AttemptChange[] = [];
  for (const request of requests) {
    const owner = noticeOwner(request);
    const key = throttleKey(owner, request.channel);
    if (attempted.has(requestKey(request))) continue;
    attempted.add(requestKey(request));
    let noticeId = noticeFor.get(key);
    if (!noticeId) {
      noticeId = randomUUID();
      noticeFor.set(key, noticeId);
      const due = noticeDueAt({ now: at, channel: request.channel, lastNoticeAt: throttles.get(key) ?? null, windowMs: settings.noticeWindowMs, quietHours: settings.quietHours });
      newNotices.push({ citizen_id: owner, id: noticeId, channel: request.channel, recipient: request.recipient, due_at: due.toISOString() });
      jobs.push({ kind: sendNoticeJob, payload: { citizenId: owner, noticeId }, runAt: due, maxAttempts: settings.maxAttempts });
    }
    links.push({ citizen_id: owner, notice_id: noticeId, message_id: request.messageId, letter_citizen_id: owner === request.citizenId ? null : request.citizenId });
    changes.push({ citizenId: request.citizenId, messageId: request.messageId, channel: request.channel, state: 'queued', at, detail: `notice ${noticeId}` });
  }
  if (newNotices.length > 0) {
    await sql`
      insert into notice (citizen_id, id, channel, recipient, state, due_at, created_at, updated_at)
      select citizen_id, id, channel, recipient, 'pending', due_at, ${at}, ${at}
      from ${recordset(newNotices, 'n', 'citizen_id uuid, id uuid, channel text, recipient text, due_at timestamptz')}`.execute(tx);
    await enqueueJobs(tx, jobs);
  }
  if (links.length > 0) {
    await sql`
      insert into notice_letter (citizen_id, notice_id, message_id, letter_citizen_id)
      select citizen_id, notice_id, message_id, letter_citizen_id from ${recordset(links, 'l', 'citizen_id uuid, notice_id uuid, message_id uuid, letter_citizen_id uuid')}
      on conflict do nothing`.execute(tx);
  }
  await moveAttempts(tx, changes);
}

/** Only a child's letters: the parent is told it concerns a child; any letter of their own, the usual words. */
function concerns(noticeCitizenId: string, letters: readonly NoticeLetter[] | undefined): NoticeConcerns {
  return letters && letters.length > 0 && letters.every((letter) => letter.citizenId !== noticeCitizenId) ? 'child' : 'self';
}

/** The letters each notice stands for (each with its own citizen), with whether they were read. */
async function noticeLetters(tx: Tx, refs: readonly NoticeRef[]): Promise<Map<string, NoticeLetter[]>> {
  if (refs.length === 0) return new Map();
  const { rows } = await sql<{ notice_id: string; citizen_id: string; message_id: string; first_read_at: Date | null }>`
    select nl.notice_id, m.citizen_id, m.id as message_id, m.first_read_at
    from notice_letter nl
    join ${recordset(refs.map((ref) => ({ citizen_id: ref.citizenId, id: ref.noticeId })), 'r', 'citizen_id uuid, id uuid')} on r.citizen_id = nl.citizen_id and r.id = nl.notice_id
    join message m on m.citizen_id = coalesce(nl.letter_citizen_id, nl.citizen_id) and m.id = nl.message_id`.execute(tx);
  const letters = new Map<string, NoticeLetter[]>();
  for (const row of rows) letters.set(row.notice_id, [...(letters.get(row.notice_id) ?? []), { citizenId: row.citizen_id, messageId: row.message_id, read: row.first_read_at !== null }]);
  return letters;
}

export async function lettersOfNotice(tx: Tx, citizenId: string, noticeId: string): Promise<NoticeLetter[]> {
  return (await noticeLetters(tx, [{ citizenId, noticeId }])).get(noticeId) ?? [];
}

/** A notice ends without going (failed or skipped), and so do its letters' notice attempts. False: it had ended already. */
export async function finishNotice(tx: Tx, citizenId: string, noticeId: string, state: Extract<NoticeState, 'failed' | 'skipped'>, at: Date, detail: string): Promise<boolean> {
  const row = await tx
    .updateTable('notice')
    .set({ state, detail, updated_at: at })
    .where('citizen_id', '=', citizenId)
    .where('id', '=', noticeId)
    .where('state', 'in', ['pending', 'sending'])
    .returning('channel')
    .executeTakeFirst();
  if (!row) return false;
  const letters = await lettersOfNotice(tx, citizenId, noticeId);
  await moveAttempts(tx, letters.map((letter) => ({ citizenId: letter.citizenId, messageId: letter.messageId, channel: row.channel, state, at, detail })));
  return true;
}

/**
 * Before notices go: is each still wanted, and may it go now? Those that may are
 * marked `sending` (with the throttle's last notice time) before the outside call, so
 * a second notice cannot overtake them; one already `sending` (a crash, a retry) goes
 * again with the same reference, which the gateway drops as a repeat.
 */
export async function beginNotices(tx: Tx, settings: DeliverySettings, refs: readonly NoticeRef[], at: Date): Promise<Map<string, NoticeStart>> {
  const starts = new Map<string, NoticeStart>();
  const wanted = [...new Map(refs.map((ref) => [ref.noticeId, { citizen_id: ref.citizenId, id: ref.noticeId }])).values()];
  const { rows: heads } = await sql<{ citizen_id: string; channel: NoticeChannel }>`
    select n.citizen_id, n.channel from notice n join ${recordset(wanted, 'r', 'citizen_id uuid, id uuid')} on r.citizen_id = n.citizen_id and r.id = n.id`.execute(tx);
  const throttles = await lockThrottles(tx, heads.map((head) => ({ citizenId: head.citizen_id, channel: head.channel })));
  const { rows: notices } = await sql<{ citizen_id: string; id: string; channel: NoticeChannel; recipient: string; state: NoticeState; language: Language }>`
    select n.citizen_id, n.id, n.channel, n.recipient, n.state, coalesce(c.language, 'nb') as language
    from notice n join ${recordset(wanted, 'r', 'citizen_id uuid, id uuid')} on r.citizen_id = n.citizen_id and r.id = n.id
    join citizen c on c.id = n.citizen_id
    order by n.citizen_id, n.id
    for update of n`.execute(tx);
  const open = notices.filter((notice) => notice.state === 'pending' || notice.state === 'sending');
  const letters = await noticeLetters(tx, open.map((notice) => ({ citizenId: notice.citizen_id, noticeId: notice.id })));
  const { rows: sending } = await sql<{ citizen_id: string; channel: string; id: string }>`
    select n.citizen_id, n.channel, n.id from notice n
    join (select distinct citizen_id, channel from ${recordset(open.map((notice) => ({ citizen_id: notice.citizen_id, channel: notice.channel })), 'o', 'citizen_id uuid, channel text')}) o
      on o.citizen_id = n.citizen_id and o.channel = n.channel
    where n.state = 'sending'`.execute(tx);
  const inFlight = new Map(sending.map((row) => [throttleKey(row.citizen_id, row.channel), row.id]));

  const later: { citizen_id: string; id: string; due_at: string }[] = [];
  const jobs: NewJob[] = [];
  const goNow: { citizen_id: string; id: string; channel: string }[] = [];
  const skipped: NoticeRef[] = [];
  const changes: AttemptChange[] = [];
  const postpone = (notice: { citizen_id: string; id: string }, due: Date, why: string) => {
    later.push({ citizen_id: notice.citizen_id, id: notice.id, due_at: due.toISOString() });
    jobs.push({ kind: sendNoticeJob, payload: { citizenId: notice.citizen_id, noticeId: notice.id }, runAt: due, maxAttempts: settings.maxAttempts });
    starts.set(notice.id, { action: 'later', at: due, why });
  };
  for (const notice of notices) {
    const key = throttleKey(notice.citizen_id, notice.channel);
    if (notice.state !== 'pending' && notice.state !== 'sending') {
      starts.set(notice.id, { action: 'done', why: `already ${notice.state}` });
      continue;
    }
    if (notice.channel === 'sms' && isQuiet(at, settings.quietHours)) {
      postpone(notice, endOfQuietHours(at, settings.quietHours), 'quiet hours');
      continue;
    }
    if (notice.state === 'sending') {
      starts.set(notice.id, { action: 'send', channel: notice.channel, recipient: notice.recipient, language: notice.language, concerns: concerns(notice.citizen_id, letters.get(notice.id)) });
      continue;
    }
    if ((letters.get(notice.id) ?? []).every((letter) => letter.read)) {
      skipped.push({ citizenId: notice.citizen_id, noticeId: notice.id });
      starts.set(notice.id, { action: 'done', why: 'all read' });
      continue;
    }
    const other = inFlight.get(key);
    if (other && other !== notice.id) {
      postpone(notice, new Date(at.getTime() + settings.noticeWindowMs), 'another notice is on its way');
      continue;
    }
    const due = noticeDueAt({ now: at, channel: notice.channel, lastNoticeAt: throttles.get(key) ?? null, windowMs: settings.noticeWindowMs, quietHours: settings.quietHours });
    if (due > at) {
      postpone(notice, due, 'notice window');
      continue;
    }
    inFlight.set(key, notice.id);
    throttles.set(key, at);
    goNow.push({ citizen_id: notice.citizen_id, id: notice.id, channel: notice.channel });
    for (const letter of letters.get(notice.id) ?? []) {
      changes.push({ citizenId: letter.citizenId, messageId: letter.messageId, channel: notice.channel, state: 'sending', at, detail: `notice ${notice.id}` });
    }
    starts.set(notice.id, { action: 'send', channel: notice.channel, recipient: notice.recipient, language: notice.language, concerns: concerns(notice.citizen_id, letters.get(notice.id)) });
  }
  for (const ref of refs) if (!starts.has(ref.noticeId)) starts.set(ref.noticeId, { action: 'done', why: 'no such notice' });

  if (later.length > 0) {
    await sql`
      update notice n set due_at = l.due_at, updated_at = ${at}
      from ${recordset(later, 'l', 'citizen_id uuid, id uuid, due_at timestamptz')}
      where n.citizen_id = l.citizen_id and n.id = l.id`.execute(tx);
    await enqueueJobs(tx, jobs);
  }
  for (const ref of skipped) await finishNotice(tx, ref.citizenId, ref.noticeId, 'skipped', at, 'every letter was read before the notice went');
  if (goNow.length > 0) {
    await sql`
      update notice n set state = 'sending', sending_at = ${at}, updated_at = ${at}
      from ${recordset(goNow, 'g', 'citizen_id uuid, id uuid, channel text')}
      where n.citizen_id = g.citizen_id and n.id = g.id`.execute(tx);
    await sql`
      update notice_throttle t set last_notice_at = ${at}
      from (select distinct citizen_id, channel from ${recordset(goNow, 'g', 'citizen_id uuid, id uuid, channel text')}) g
      where t.citizen_id = g.citizen_id and t.channel = g.channel`.execute(tx);
    await moveAttempts(tx, changes);
  }
  return starts;
}

export interface NoticeSent extends NoticeRef {
  providerId: string;
}

/** Notices the gateway took: sent, and each of their letters' notice attempts delivered. */
export async function noticesSent(tx: Tx, sent: readonly NoticeSent[], at: Date): Promise<void> {
  if (sent.length === 0) return;
  const rows = sent.map((notice) => ({ citizen_id: notice.citizenId, id: notice.noticeId, provider_id: notice.providerId }));
  const { rows: heads } = await sql<{ citizen_id: string; channel: NoticeChannel }>`
    select n.citizen_id, n.channel from notice n join ${recordset(rows, 's', 'citizen_id uuid, id uuid, provider_id text')} on s.citizen_id = n.citizen_id and s.id = n.id`.execute(tx);
  await lockThrottles(tx, heads.map((head) => ({ citizenId: head.citizen_id, channel: head.channel })));
  const { rows: done } = await sql<{ citizen_id: string; id: string; channel: NoticeChannel }>`
    update notice n set state = 'sent', sent_at = ${at}, provider_id = s.provider_id, updated_at = ${at}
    from ${recordset(rows, 's', 'citizen_id uuid, id uuid, provider_id text')}
    where n.citizen_id = s.citizen_id and n.id = s.id and n.state = 'sending'
    returning n.citizen_id, n.id, n.channel`.execute(tx);
  if (done.length === 0) return;
  await sql`
    update notice_throttle t set last_notice_at = greatest(t.last_notice_at, ${at})
    from (select distinct citizen_id, channel from ${recordset(done, 'd', 'citizen_id uuid, id uuid, channel text')}) d
    where t.citizen_id = d.citizen_id and t.channel = d.channel`.execute(tx);
  const letters = await noticeLetters(tx, done.map((notice) => ({ citizenId: notice.citizen_id, noticeId: notice.id })));
  await moveAttempts(
    tx,
    done.flatMap((notice) =>
      (letters.get(notice.id) ?? []).map((letter) => ({ citizenId: letter.citizenId, messageId: letter.messageId, channel: notice.channel, state: 'delivered' as const, at, detail: `notice ${notice.id} sent` })),
    ),
  );
}
