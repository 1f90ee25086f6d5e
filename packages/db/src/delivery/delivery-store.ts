/**
 * Delivery state in the database: channel plans, channel attempts, notices and dead
 * letters. Every change happens in one transaction together with the job that does
 * the next step, so a crash anywhere leaves either the old state with its job or the
 * new state with its job. Every step re-reads and moves state only forward, so a job
 * run twice (a worker killed after the work, before it said so) changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  noticeRecipient,
  type ChannelPlan,
  type ContactFacts,
  type DeliveryChannel,
  type NoticeChannel,
  type NoticeChoice,
  type PersonFacts,
  type QuietHours,
  type SenderKind,
} from '@innboks/core';
import type { Database } from '../schema.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { deliverLetterJob } from '../repositories/sender-repository.ts';
import { moveAttempt, moveAttempts, type Executor } from './attempts.ts';
import { beginNotices, finishNotice, lettersOfNotice, lockThrottles, noticesSent, requestNotices, sendNoticeJob, type NoticeRef, type NoticeSent } from './notice-batch.ts';
import { addDeadLetters, channelJob, savePlans, setMessageStatuses, startChannels, unreadFallbackJob, type DeadLetterEntry, type LetterRef, type PlanToSave } from './plan-batch.ts';
import { recordset } from './recordset.ts';

export const deliveryJobs = {
  plan: deliverLetterJob,
  sendNotice: sendNoticeJob,
  digitalMailbox: channelJob['digital-mailbox'],
  print: channelJob.paper,
  unreadFallback: unreadFallbackJob,
} as const;

export interface DeliverySettings {
  noticeWindowMs: number;
  quietHours: QuietHours | null;
  /** Tries per channel step before it counts as failed. */
  maxAttempts: number;
  noticeChannels: readonly NoticeChannel[];
}

/** The register facts a plan was made from; later steps use them (addresses, names). */
export interface DeliveryFacts {
  contact: ContactFacts | null;
  person: PersonFacts | null;
  /** Set when a register could not be reached and the plan was made without it. */
  note?: string | undefined;
}

export interface LetterForDelivery {
  messageId: string;
  citizenId: string;
  nationalId: string;
  portalUser: boolean;
  senderKind: SenderKind;
  organizationNumber: string;
  organizationName: string;
  senderName: string;
  subject: string;
  textParts: string[];
  important: boolean;
  sentAt: Date;
  firstReadAt: Date | null;
  /** What the citizen chose on the notice-settings page, if anything. */
  noticeChoice: NoticeChoice | null;
  plan: PlanRow | undefined;
}

interface PlanColumns {
  channels: unknown;
  step: number;
  notices: unknown;
  facts: unknown;
  unread_fallback_at: Date | null;
  unread_fallback_done: boolean;
}

interface LetterRow extends PlanColumns {
  id: string;
  citizen_id: string;
  national_id: string;
  portal_user: boolean;
  kind: string;
  org_number: string;
  organization_name: string;
  sender_name: string;
  subject: string;
  text_parts: string[];
  important: boolean;
  sent_at: Date;
  first_read_at: Date | null;
  notice_choice: NoticeChoice | null;
  planned: boolean;
}

function planRow(row: PlanColumns): PlanRow {
  return {
    channels: row.channels as DeliveryChannel[],
    step: row.step,
    notices: row.notices as NoticeChannel[],
    facts: row.facts as DeliveryFacts,
    unreadFallbackAt: row.unread_fallback_at,
    unreadFallbackDone: row.unread_fallback_done,
  };
}

export interface PlanRow {
  channels: DeliveryChannel[];
  step: number;
  notices: NoticeChannel[];
  facts: DeliveryFacts;
  unreadFallbackAt: Date | null;
  unreadFallbackDone: boolean;
}

export type NoticeStart =
  | { action: 'send'; channel: NoticeChannel; recipient: string }
  | { action: 'done'; why: string }
  | { action: 'later'; at: Date; why: string };

export interface DeadLetterView {
  id: string;
  kind: 'delivery' | 'job';
  citizenId: string | null;
  messageId: string | null;
  noticeId: string | null;
  step: string;
  reason: string;
  attempts: number;
  createdAt: Date;
}

export class DeliveryStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: DeliverySettings,
  ) {}

  // ---- reading -------------------------------------------------------------------------

  async letter(citizenId: string, messageId: string): Promise<LetterForDelivery | undefined> {
    return (await this.letters([{ citizenId, messageId }])).get(messageId);
  }

  /**
   * Every change of delivery state is one transaction, and most join a batch of keys
   * (one JSON parameter, which the planner counts as 100 rows) to the delivery tables.
   * PostgreSQL's default random_page_cost of 4 prices each index probe as a read from
   * disk, so once a table holds some ten thousand rows the planner reads all of it
   * into a hash instead: 8 ms for a batch of 57 notices where the index takes 1. The
   * rows a batch touches are recent and in memory; 1.1 says so, for these
   * transactions only, so no other plan of the server changes.
   */
  private transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      await sql`set local random_page_cost = 1.1`.execute(tx);
      return work(tx);
    });
  }

  /** Letters with what planning needs (plan, notice choice), in one statement; by message id. */
  async letters(refs: readonly LetterRef[]): Promise<Map<string, LetterForDelivery>> {
    if (refs.length === 0) return new Map();
    const { rows } = await sql<LetterRow>`
      select m.id, m.citizen_id, c.national_id, c.portal_user, o.kind, o.org_number, o.name as organization_name,
             m.sender_name, m.subject, m.text_parts, m.important, m.sent_at, m.first_read_at, s.choice as notice_choice,
             p.channels, p.step, p.notices, p.facts, p.unread_fallback_at, p.unread_fallback_done, p.message_id is not null as planned
      from ${recordset(refs.map((ref) => ({ citizen_id: ref.citizenId, id: ref.messageId })), 'r', 'citizen_id uuid, id uuid')}
      join message m on m.citizen_id = r.citizen_id and m.id = r.id
      join citizen c on c.id = m.citizen_id
      join organization o on o.id = m.organization_id
      left join notice_setting s on s.citizen_id = m.citizen_id
      left join delivery_plan p on p.citizen_id = m.citizen_id and p.message_id = m.id`.execute(this.db);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          messageId: row.id,
          citizenId: row.citizen_id,
          nationalId: row.national_id,
          portalUser: row.portal_user,
          senderKind: row.kind as SenderKind,
          organizationNumber: row.org_number,
          organizationName: row.organization_name,
          senderName: row.sender_name,
          subject: row.subject,
          textParts: row.text_parts,
          important: row.important,
          sentAt: row.sent_at,
          firstReadAt: row.first_read_at,
          noticeChoice: row.notice_choice,
          plan: row.planned ? planRow(row) : undefined,
        },
      ]),
    );
  }

  async attachments(citizenId: string, messageId: string) {
    const rows = await this.db
      .selectFrom('attachment')
      .select(['title', 'content_type', 'data'])
      .where('citizen_id', '=', citizenId)
      .where('message_id', '=', messageId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({ title: row.title, contentType: row.content_type, data: new Uint8Array(row.data) }));
  }

  async noticeChoice(citizenId: string): Promise<NoticeChoice | null> {
    const row = await this.db.selectFrom('notice_setting').select('choice').where('citizen_id', '=', citizenId).executeTakeFirst();
    return row?.choice ?? null;
  }

  async saveNoticeChoice(citizenId: string, choice: NoticeChoice, at: Date): Promise<void> {
    await this.db
      .insertInto('notice_setting')
      .values({ citizen_id: citizenId, choice, updated_at: at })
      .onConflict((conflict) => conflict.column('citizen_id').doUpdateSet({ choice, updated_at: at }))
      .execute();
  }

  private async plan(executor: Executor, citizenId: string, messageId: string, lock = false): Promise<PlanRow | undefined> {
    let query = executor.selectFrom('delivery_plan').selectAll().where('citizen_id', '=', citizenId).where('message_id', '=', messageId);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? planRow(row) : undefined;
  }

  // ---- the plan ------------------------------------------------------------------------

  /** Saves the plan and starts its first channel. False when the letter already had one. */
  async savePlan(letter: LetterRef, plan: ChannelPlan, facts: DeliveryFacts, at: Date): Promise<boolean> {
    const saved = await this.savePlans([{ letter: { citizenId: letter.citizenId, messageId: letter.messageId }, plan, facts }], at);
    return saved.has(letter.messageId);
  }

  /** Many letters' plans in one transaction (see plan-batch.ts); the letters whose plan was saved now. */
  async savePlans(items: readonly PlanToSave[], at: Date): Promise<Set<string>> {
    return this.transaction((tx) => savePlans(tx, this.settings, items, at));
  }

  private async startChannel(
    tx: Transaction<Database>,
    ref: { citizenId: string; messageId: string },
    plan: PlanRow,
    index: number,
    at: Date,
    detail: string | null,
  ): Promise<void> {
    await tx
      .updateTable('delivery_plan')
      .set({ step: index, updated_at: at })
      .where('citizen_id', '=', ref.citizenId)
      .where('message_id', '=', ref.messageId)
      .execute();
    await startChannels(tx, this.settings, [{ letter: ref, plan, index, detail }], at);
  }

  /** The channel `from` is done with (failed, or unread too long): the next one starts, if there is one. */
  private async advance(tx: Transaction<Database>, ref: { citizenId: string; messageId: string }, from: DeliveryChannel, at: Date, reason: string): Promise<void> {
    const plan = await this.plan(tx, ref.citizenId, ref.messageId, true);
    if (!plan) return;
    const index = plan.channels.indexOf(from);
    if (index < 0 || index !== plan.step) return;
    const next = index + 1;
    if (next < plan.channels.length) {
      await this.startChannel(tx, ref, plan, next, at, `after ${from}: ${reason}`);
      return;
    }
    const reached = await tx
      .selectFrom('delivery_attempt')
      .select('id')
      .where('citizen_id', '=', ref.citizenId)
      .where('message_id', '=', ref.messageId)
      .where('state', 'in', ['delivered', 'read'])
      .executeTakeFirst();
    if (!reached) await this.setMessageStatus(tx, ref, 'not-done', at);
  }

  private async setMessageStatus(tx: Transaction<Database>, ref: LetterRef, status: string, at: Date) {
    await setMessageStatuses(tx, [{ ...ref, status }], at);
  }

  // ---- digital mailbox and paper -------------------------------------------------------

  /** queued → sending before the outside call; true when the step should run. */
  async beginChannel(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date): Promise<boolean> {
    return this.transaction(async (tx) => {
      const row = await tx
        .selectFrom('delivery_attempt')
        .select('state')
        .where('citizen_id', '=', citizenId)
        .where('message_id', '=', messageId)
        .where('channel', '=', channel)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return false;
      if (row.state === 'queued') {
        await moveAttempt(tx, { citizenId, messageId, channel, state: 'sending', at, detail: null });
        return true;
      }
      return row.state === 'sending';
    });
  }

  async channelDelivered(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date, detail: string): Promise<void> {
    await this.transaction(async (tx) => {
      const moved = await moveAttempt(tx, { citizenId, messageId, channel, state: 'delivered', at, detail });
      if (moved) await this.setMessageStatus(tx, { citizenId, messageId }, 'completed', at);
    });
  }

  /** The step gave up (out of tries, or rejected): failed, a dead letter, and the next channel at once. */
  async channelFailed(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date, reason: string, attempts: number): Promise<void> {
    await this.transaction(async (tx) => {
      const ref = { citizenId, messageId };
      const moved = await moveAttempt(tx, { ...ref, channel, state: 'failed', at, detail: reason });
      if (!moved) return;
      await this.addDeadLetter(tx, { ...ref, noticeId: null, step: channel, reason, attempts, at });
      await this.advance(tx, ref, channel, at, reason);
    });
  }

  // ---- unread fallback -----------------------------------------------------------------

  /** An important letter still unopened when its time is up goes on by the next channel, once. */
  async unreadFallback(citizenId: string, messageId: string, at: Date, days: number): Promise<'moved-on' | 'read' | 'not-due' | 'done'> {
    return this.transaction(async (tx) => {
      const plan = await this.plan(tx, citizenId, messageId, true);
      if (!plan || plan.unreadFallbackDone || !plan.unreadFallbackAt) return 'done';
      if (plan.unreadFallbackAt > at) {
        await enqueueJob(tx, deliveryJobs.unreadFallback, { citizenId, messageId }, { runAt: plan.unreadFallbackAt });
        return 'not-due';
      }
      await tx
        .updateTable('delivery_plan')
        .set({ unread_fallback_done: true, updated_at: at })
        .where('citizen_id', '=', citizenId)
        .where('message_id', '=', messageId)
        .execute();
      const message = await tx.selectFrom('message').select('first_read_at').where('citizen_id', '=', citizenId).where('id', '=', messageId).executeTakeFirst();
      if (message?.first_read_at) return 'read';
      await this.advance(tx, { citizenId, messageId }, 'inbox', at, `unread after ${days} days`);
      return 'moved-on';
    });
  }

  // ---- notices -------------------------------------------------------------------------

  /** See notice-batch.ts: whether the notice may go now, marked `sending` if so. */
  async beginNotice(citizenId: string, noticeId: string, at: Date): Promise<NoticeStart> {
    return (await this.beginNotices([{ citizenId, noticeId }], at)).get(noticeId)!;
  }

  /** Many notices at once, in one transaction; by notice id. */
  async beginNotices(refs: readonly NoticeRef[], at: Date): Promise<Map<string, NoticeStart>> {
    return this.transaction((tx) => beginNotices(tx, this.settings, refs, at));
  }

  async noticeSent(citizenId: string, noticeId: string, at: Date, providerId: string): Promise<void> {
    await this.noticesSent([{ citizenId, noticeId, providerId }], at);
  }

  /** Notices the gateways took, in one transaction: sent, and their letters' notice attempts delivered. */
  async noticesSent(sent: readonly NoticeSent[], at: Date): Promise<void> {
    await this.transaction((tx) => noticesSent(tx, sent, at));
  }

  /**
   * A notice gave up: its letters' notice attempts fail and a dead letter is left. Each
   * unread letter then gets a notice on the other channel if the citizen has one,
   * else goes on by its next delivery channel at once (the citizen cannot be told).
   */
  async noticeFailed(citizenId: string, noticeId: string, at: Date, reason: string, attempts: number): Promise<void> {
    await this.transaction(async (tx) => {
      const head = await tx.selectFrom('notice').select('channel').where('citizen_id', '=', citizenId).where('id', '=', noticeId).executeTakeFirst();
      if (!head) return;
      await lockThrottles(tx, [{ citizenId, channel: head.channel }]);
      const failed = await finishNotice(tx, citizenId, noticeId, 'failed', at, reason);
      if (!failed) return;
      await this.addDeadLetter(tx, { citizenId, messageId: null, noticeId, step: head.channel, reason, attempts, at });
      const other: NoticeChannel = head.channel === 'sms' ? 'email' : 'sms';
      for (const messageId of await lettersOfNotice(tx, citizenId, noticeId)) {
        const ref = { citizenId, messageId };
        const letter = await tx.selectFrom('message').select('first_read_at').where('citizen_id', '=', citizenId).where('id', '=', messageId).executeTakeFirst();
        if (!letter || letter.first_read_at) continue;
        const plan = await this.plan(tx, citizenId, messageId, true);
        if (!plan) continue;
        const otherRecipient = noticeRecipient(other, plan.facts.contact);
        const otherTried = await tx
          .selectFrom('delivery_attempt')
          .select('state')
          .where('citizen_id', '=', citizenId)
          .where('message_id', '=', messageId)
          .where('channel', '=', other)
          .executeTakeFirst();
        if (otherTried && otherTried.state !== 'failed') continue; // the other notice is on its way or went
        if (!otherTried && otherRecipient && this.settings.noticeChannels.includes(other) && !plan.facts.contact?.reserved) {
          await requestNotices(tx, this.settings, [{ ...ref, channel: other, recipient: otherRecipient }], at);
        } else {
          await this.advance(tx, ref, 'inbox', at, `${head.channel} notice failed`);
        }
      }
    });
  }

  // ---- dead letters --------------------------------------------------------------------

  private async addDeadLetter(tx: Transaction<Database>, entry: DeadLetterEntry) {
    await addDeadLetters(tx, [entry]);
  }

  /** Dead letters not replayed yet, and jobs the queue gave up on; oldest first. */
  async deadLetters(): Promise<DeadLetterView[]> {
    const letters = await this.db.selectFrom('dead_letter').selectAll().where('replayed_at', 'is', null).orderBy('id').execute();
    const jobs = await this.db.selectFrom('job').selectAll().where('state', '=', 'dead').orderBy('id').execute();
    return [
      ...letters.map((row) => ({
        id: `d${row.id}`,
        kind: 'delivery' as const,
        citizenId: row.citizen_id,
        messageId: row.message_id,
        noticeId: row.notice_id,
        step: row.step,
        reason: row.reason,
        attempts: row.attempts,
        createdAt: row.created_at,
      })),
      ...jobs.map((row) => ({
        id: `j${row.id}`,
        kind: 'job' as const,
        citizenId: typeof row.payload.citizenId === 'string' ? row.payload.citizenId : null,
        messageId: typeof row.payload.messageId === 'string' ? row.payload.messageId : null,
        noticeId: typeof row.payload.noticeId === 'string' ? row.payload.noticeId : null,
        step: row.kind,
        reason: row.last_error ?? '',
        attempts: row.attempts,
        createdAt: row.created_at,
      })),
    ];
  }

  /**
   * An operator sends a dead letter again: the failed step is queued anew (the only
   * way a failed attempt moves again) with a fresh set of tries. False: no such entry.
   */
  async replay(id: string, at: Date): Promise<boolean> {
    const number = Number(id.slice(1));
    if (!Number.isSafeInteger(number)) return false;
    if (id.startsWith('j')) {
      const row = await this.db
        .updateTable('job')
        .set({ state: 'queued', attempts: 0, run_at: at, locked_by: null, locked_until: null })
        .where('id', '=', number)
        .where('state', '=', 'dead')
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    }
    if (!id.startsWith('d')) return false;
    return this.transaction(async (tx) => {
      const entry = await tx.selectFrom('dead_letter').selectAll().where('id', '=', number).where('replayed_at', 'is', null).forUpdate().executeTakeFirst();
      if (!entry) return false;
      await tx.updateTable('dead_letter').set({ replayed_at: at }).where('id', '=', number).execute();
      const citizenId = entry.citizen_id;
      const detail = `replayed by an operator (dead letter ${id})`;
      if (entry.notice_id) {
        const notice = await tx
          .updateTable('notice')
          .set({ state: 'sending', sending_at: at, detail, updated_at: at })
          .where('citizen_id', '=', citizenId)
          .where('id', '=', entry.notice_id)
          .where('state', '=', 'failed')
          .returning('channel')
          .executeTakeFirst();
        if (notice) {
          const letters = await lettersOfNotice(tx, citizenId, entry.notice_id);
          await moveAttempts(tx, letters.map((messageId) => ({ citizenId, messageId, channel: notice.channel, state: 'queued' as const, at, detail })), { reopen: true });
          await enqueueJob(tx, deliveryJobs.sendNotice, { citizenId, noticeId: entry.notice_id }, { runAt: at, maxAttempts: this.settings.maxAttempts });
        }
        return true;
      }
      if (!entry.message_id) return true;
      const ref = { citizenId, messageId: entry.message_id };
      if (entry.step === 'plan') {
        await tx.deleteFrom('delivery_plan').where('citizen_id', '=', citizenId).where('message_id', '=', entry.message_id).execute();
        await moveAttempt(tx, { ...ref, channel: 'inbox', state: 'queued', at, detail }, { reopen: true });
        await enqueueJob(tx, deliveryJobs.plan, ref, { runAt: at });
        return true;
      }
      if (entry.step === 'digital-mailbox' || entry.step === 'paper') {
        const reopened = await moveAttempt(tx, { ...ref, channel: entry.step, state: 'queued', at, detail }, { reopen: true });
        if (reopened) await enqueueJob(tx, channelJob[entry.step], ref, { runAt: at, maxAttempts: this.settings.maxAttempts });
      }
      return true;
    });
  }

  // ---- the sweeper ---------------------------------------------------------------------

  /**
   * Finds delivery work that is waiting with no job to do it (a job deleted by hand,
   * a bug) and queues it again. Everything is queued in the same transaction as its
   * state, so in normal running this finds nothing.
   */
  async sweep(now: Date, stuckBefore: Date, limit = 500): Promise<{ plans: number; channels: number; notices: number; fallbacks: number }> {
    const noJob = (kind: string, key: 'messageId' | 'noticeId', column: string) =>
      sql<boolean>`not exists (select 1 from job where job.kind = ${kind} and job.payload->>${key} = ${sql.ref(column)}::text)`;

    const unplanned = await this.db
      .selectFrom('delivery_attempt')
      .select(['delivery_attempt.citizen_id', 'delivery_attempt.message_id'])
      .where('delivery_attempt.channel', '=', 'inbox')
      .where('delivery_attempt.state', '=', 'queued')
      .where('delivery_attempt.updated_at', '<', stuckBefore)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('delivery_plan').select('step').whereRef('delivery_plan.citizen_id', '=', 'delivery_attempt.citizen_id').whereRef('delivery_plan.message_id', '=', 'delivery_attempt.message_id'))),
      )
      .where(noJob(deliveryJobs.plan, 'messageId', 'delivery_attempt.message_id'))
      .limit(limit)
      .execute();
    const channels = await this.db
      .selectFrom('delivery_attempt')
      .select(['citizen_id', 'message_id', 'channel'])
      .where('state', 'in', ['queued', 'sending'])
      .where('channel', 'in', ['digital-mailbox', 'paper'])
      .where('updated_at', '<', stuckBefore)
      .where((eb) =>
        eb.or([
          eb.and([eb('channel', '=', 'digital-mailbox'), noJob(deliveryJobs.digitalMailbox, 'messageId', 'delivery_attempt.message_id')]),
          eb.and([eb('channel', '=', 'paper'), noJob(deliveryJobs.print, 'messageId', 'delivery_attempt.message_id')]),
        ]),
      )
      .limit(limit)
      .execute();
    const notices = await this.db
      .selectFrom('notice')
      .select(['citizen_id', 'id', 'due_at'])
      .where('state', 'in', ['pending', 'sending'])
      .where('updated_at', '<', stuckBefore)
      .where(noJob(deliveryJobs.sendNotice, 'noticeId', 'notice.id'))
      .limit(limit)
      .execute();
    const fallbacks = await this.db
      .selectFrom('delivery_plan')
      .select(['citizen_id', 'message_id'])
      .where('unread_fallback_at', '<=', now)
      .where('unread_fallback_done', '=', false)
      .where(noJob(deliveryJobs.unreadFallback, 'messageId', 'delivery_plan.message_id'))
      .limit(limit)
      .execute();

    await this.transaction(async (tx) => {
      for (const row of unplanned) await enqueueJob(tx, deliveryJobs.plan, { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now });
      for (const row of channels) {
        await enqueueJob(tx, channelJob[row.channel as 'paper' | 'digital-mailbox'], { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now, maxAttempts: this.settings.maxAttempts });
      }
      for (const row of notices) {
        await enqueueJob(tx, deliveryJobs.sendNotice, { citizenId: row.citizen_id, noticeId: row.id }, { runAt: row.due_at > now ? row.due_at : now, maxAttempts: this.settings.maxAttempts });
      }
      for (const row of fallbacks) await enqueueJob(tx, deliveryJobs.unreadFallback, { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now });
    });
    return { plans: unplanned.length, channels: channels.length, notices: notices.length, fallbacks: fallbacks.length };
  }
}
