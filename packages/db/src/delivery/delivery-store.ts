/**
 * Delivery state in the database: channel plans, channel attempts, notices and dead
 * letters. Every change happens in one transaction together with the job that does
 * the next step, so a crash anywhere leaves either the old state with its job or the
 * new state with its job. Every step re-reads and moves state only forward, so a job
 * run twice (a worker killed after the work, before it said so) changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  noticeDueAt,
  type ChannelPlan,
  type ContactFacts,
  type DeliveryChannel,
  type NoticeChannel,
  type NoticeChoice,
  type PersonFacts,
  type QuietHours,
  type SenderKind,
  isQuiet,
  endOfQuietHours,
} from '@innboks/core';
import type { Database, NoticeState } from '../schema.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { deliverLetterJob } from '../repositories/sender-repository.ts';
import { moveAttempt, type Executor } from './attempts.ts';

export const deliveryJobs = {
  plan: deliverLetterJob,
  sendNotice: 'send-notice',
  digitalMailbox: 'send-digital-mailbox',
  print: 'print-letter',
  unreadFallback: 'unread-fallback',
} as const;

const channelJob: Record<Exclude<DeliveryChannel, 'inbox'>, string> = {
  'digital-mailbox': deliveryJobs.digitalMailbox,
  paper: deliveryJobs.print,
};

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
  plan: PlanRow | undefined;
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

  async letter(citizenId: string, messageId: string, executor: Executor = this.db): Promise<LetterForDelivery | undefined> {
    const row = await executor
      .selectFrom('message')
      .innerJoin('citizen', 'citizen.id', 'message.citizen_id')
      .innerJoin('organization', 'organization.id', 'message.organization_id')
      .select([
        'message.id',
        'message.citizen_id',
        'citizen.national_id',
        'citizen.portal_user',
        'organization.kind',
        'organization.org_number',
        'organization.name as organization_name',
        'message.sender_name',
        'message.subject',
        'message.text_parts',
        'message.important',
        'message.sent_at',
        'message.first_read_at',
      ])
      .where('message.citizen_id', '=', citizenId)
      .where('message.id', '=', messageId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
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
      plan: await this.plan(executor, citizenId, messageId),
    };
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
    if (!row) return undefined;
    return {
      channels: row.channels as DeliveryChannel[],
      step: row.step,
      notices: row.notices as NoticeChannel[],
      facts: row.facts as unknown as DeliveryFacts,
      unreadFallbackAt: row.unread_fallback_at,
      unreadFallbackDone: row.unread_fallback_done,
    };
  }

  // ---- the plan ------------------------------------------------------------------------

  /** Saves the plan and starts its first channel. False when the letter already had one. */
  async savePlan(letter: LetterForDelivery, plan: ChannelPlan, facts: DeliveryFacts, at: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('delivery_plan')
        .values({
          citizen_id: letter.citizenId,
          message_id: letter.messageId,
          channels: JSON.stringify(plan.channels),
          step: 0,
          notices: JSON.stringify(plan.notices),
          facts: JSON.stringify(facts),
          unread_fallback_at: plan.unreadFallbackAt,
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) => conflict.columns(['citizen_id', 'message_id']).doNothing())
        .returning('message_id')
        .executeTakeFirst();
      if (!inserted) return false;
      const ref = { citizenId: letter.citizenId, messageId: letter.messageId };
      if (plan.inboxSkipped) {
        await moveAttempt(tx, { ...ref, channel: 'inbox', state: 'skipped', at, detail: plan.inboxSkipped });
      }
      if (plan.channels.length === 0) {
        await this.addDeadLetter(tx, { ...ref, noticeId: null, step: 'plan', reason: plan.unreachable ?? 'no channel', attempts: 1, at });
        await this.setMessageStatus(tx, ref, 'not-done', at);
        return true;
      }
      const stored = (await this.plan(tx, letter.citizenId, letter.messageId))!;
      await this.startChannel(tx, ref, stored, 0, at, plan.noticeSkipped);
      return true;
    });
  }

  private async startChannel(
    tx: Transaction<Database>,
    ref: { citizenId: string; messageId: string },
    plan: PlanRow,
    index: number,
    at: Date,
    detail: string | null,
  ): Promise<void> {
    const channel = plan.channels[index]!;
    await tx
      .updateTable('delivery_plan')
      .set({ step: index, updated_at: at })
      .where('citizen_id', '=', ref.citizenId)
      .where('message_id', '=', ref.messageId)
      .execute();
    if (channel === 'inbox') {
      await moveAttempt(tx, { ...ref, channel: 'inbox', state: 'delivered', at, detail });
      await this.setMessageStatus(tx, ref, 'completed', at);
      const letter = await tx.selectFrom('message').select('first_read_at').where('citizen_id', '=', ref.citizenId).where('id', '=', ref.messageId).executeTakeFirst();
      if (!letter?.first_read_at) {
        for (const noticeChannel of plan.notices) {
          const recipient = noticeChannel === 'sms' ? plan.facts.contact?.mobile : plan.facts.contact?.email;
          if (recipient) await this.requestNotice(tx, ref, noticeChannel, recipient, at);
        }
      }
      if (plan.unreadFallbackAt && !plan.unreadFallbackDone) {
        await enqueueJob(tx, deliveryJobs.unreadFallback, { ...ref }, { runAt: plan.unreadFallbackAt });
      }
      return;
    }
    const queued = await moveAttempt(tx, { ...ref, channel, state: 'queued', at, detail });
    if (queued) await enqueueJob(tx, channelJob[channel], { ...ref }, { runAt: at, maxAttempts: this.settings.maxAttempts });
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

  private async setMessageStatus(tx: Transaction<Database>, ref: { citizenId: string; messageId: string }, status: string, at: Date) {
    await tx.updateTable('message').set({ status, updated_at: at }).where('citizen_id', '=', ref.citizenId).where('id', '=', ref.messageId).execute();
  }

  // ---- digital mailbox and paper -------------------------------------------------------

  /** queued → sending before the outside call; true when the step should run. */
  async beginChannel(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
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
    await this.db.transaction().execute(async (tx) => {
      const moved = await moveAttempt(tx, { citizenId, messageId, channel, state: 'delivered', at, detail });
      if (moved) await this.setMessageStatus(tx, { citizenId, messageId }, 'completed', at);
    });
  }

  /** The step gave up (out of tries, or rejected): failed, a dead letter, and the next channel at once. */
  async channelFailed(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date, reason: string, attempts: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
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
    return this.db.transaction().execute(async (tx) => {
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

  /**
   * A letter wants a notice on `channel`: it joins the citizen's pending notice, or
   * a new one is made, due when the window since the last notice has passed (and, for
   * SMS, outside quiet hours). The throttle row serialises this per citizen and channel.
   */
  private async requestNotice(tx: Transaction<Database>, ref: { citizenId: string; messageId: string }, channel: NoticeChannel, recipient: string, at: Date) {
    const throttle = await this.lockThrottle(tx, ref.citizenId, channel);
    const existing = await tx
      .selectFrom('delivery_attempt')
      .select('state')
      .where('citizen_id', '=', ref.citizenId)
      .where('message_id', '=', ref.messageId)
      .where('channel', '=', channel)
      .executeTakeFirst();
    if (existing) return;
    const pending = await tx
      .selectFrom('notice')
      .select('id')
      .where('citizen_id', '=', ref.citizenId)
      .where('channel', '=', channel)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    let noticeId = pending?.id;
    if (!noticeId) {
      noticeId = randomUUID();
      const due = noticeDueAt({ now: at, channel, lastNoticeAt: throttle.last_notice_at, windowMs: this.settings.noticeWindowMs, quietHours: this.settings.quietHours });
      await tx
        .insertInto('notice')
        .values({ citizen_id: ref.citizenId, id: noticeId, channel, recipient, state: 'pending', due_at: due, created_at: at, updated_at: at })
        .execute();
      await enqueueJob(tx, deliveryJobs.sendNotice, { citizenId: ref.citizenId, noticeId }, { runAt: due, maxAttempts: this.settings.maxAttempts });
    }
    await tx.insertInto('notice_letter').values({ citizen_id: ref.citizenId, notice_id: noticeId, message_id: ref.messageId }).onConflict((c) => c.doNothing()).execute();
    await moveAttempt(tx, { ...ref, channel, state: 'queued', at, detail: `notice ${noticeId}` });
  }

  private async lockThrottle(tx: Transaction<Database>, citizenId: string, channel: NoticeChannel) {
    await tx.insertInto('notice_throttle').values({ citizen_id: citizenId, channel }).onConflict((c) => c.columns(['citizen_id', 'channel']).doNothing()).execute();
    return tx
      .selectFrom('notice_throttle')
      .select('last_notice_at')
      .where('citizen_id', '=', citizenId)
      .where('channel', '=', channel)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }

  /**
   * Before a notice goes: is it still wanted, and may it go now? Marks it `sending`
   * (and the throttle's last notice time) before the outside call, so a second notice
   * cannot overtake it; a notice already `sending` (a crash, a retry) goes again with
   * the same reference, which the gateway drops as a repeat.
   */
  async beginNotice(citizenId: string, noticeId: string, at: Date): Promise<NoticeStart> {
    const head = await this.db.selectFrom('notice').select('channel').where('citizen_id', '=', citizenId).where('id', '=', noticeId).executeTakeFirst();
    if (!head) return { action: 'done', why: 'no such notice' };
    return this.db.transaction().execute(async (tx): Promise<NoticeStart> => {
      const throttle = await this.lockThrottle(tx, citizenId, head.channel);
      const notice = await tx.selectFrom('notice').selectAll().where('citizen_id', '=', citizenId).where('id', '=', noticeId).forUpdate().executeTakeFirstOrThrow();
      if (notice.state !== 'pending' && notice.state !== 'sending') return { action: 'done', why: `already ${notice.state}` };
      const later = async (due: Date, why: string): Promise<NoticeStart> => {
        await tx.updateTable('notice').set({ due_at: due, updated_at: at }).where('citizen_id', '=', citizenId).where('id', '=', noticeId).execute();
        await enqueueJob(tx, deliveryJobs.sendNotice, { citizenId, noticeId }, { runAt: due, maxAttempts: this.settings.maxAttempts });
        return { action: 'later', at: due, why };
      };
      if (notice.channel === 'sms' && isQuiet(at, this.settings.quietHours)) return later(endOfQuietHours(at, this.settings.quietHours), 'quiet hours');
      if (notice.state === 'sending') return { action: 'send', channel: notice.channel, recipient: notice.recipient };

      const letters = await tx
        .selectFrom('notice_letter')
        .innerJoin('message', (join) => join.onRef('message.id', '=', 'notice_letter.message_id').onRef('message.citizen_id', '=', 'notice_letter.citizen_id'))
        .select(['message.id', 'message.first_read_at'])
        .where('notice_letter.citizen_id', '=', citizenId)
        .where('notice_letter.notice_id', '=', noticeId)
        .execute();
      if (letters.every((letter) => letter.first_read_at !== null)) {
        await this.finishNotice(tx, citizenId, noticeId, 'skipped', at, { detail: 'every letter was read before the notice went' });
        return { action: 'done', why: 'all read' };
      }
      const inFlight = await tx
        .selectFrom('notice')
        .select('id')
        .where('citizen_id', '=', citizenId)
        .where('channel', '=', notice.channel)
        .where('state', '=', 'sending')
        .where('id', '<>', noticeId)
        .executeTakeFirst();
      if (inFlight) return later(new Date(at.getTime() + this.settings.noticeWindowMs), 'another notice is on its way');
      const due = noticeDueAt({ now: at, channel: notice.channel, lastNoticeAt: throttle.last_notice_at, windowMs: this.settings.noticeWindowMs, quietHours: this.settings.quietHours });
      if (due > at) return later(due, 'notice window');

      await tx.updateTable('notice').set({ state: 'sending', sending_at: at, updated_at: at }).where('citizen_id', '=', citizenId).where('id', '=', noticeId).execute();
      await tx.updateTable('notice_throttle').set({ last_notice_at: at }).where('citizen_id', '=', citizenId).where('channel', '=', notice.channel).execute();
      for (const letter of letters) {
        await moveAttempt(tx, { citizenId, messageId: letter.id, channel: notice.channel, state: 'sending', at, detail: `notice ${noticeId}` });
      }
      return { action: 'send', channel: notice.channel, recipient: notice.recipient };
    });
  }

  async noticeSent(citizenId: string, noticeId: string, at: Date, providerId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const head = await tx.selectFrom('notice').select('channel').where('citizen_id', '=', citizenId).where('id', '=', noticeId).executeTakeFirst();
      if (!head) return;
      await this.lockThrottle(tx, citizenId, head.channel);
      const sent = await tx
        .updateTable('notice')
        .set({ state: 'sent', sent_at: at, provider_id: providerId, updated_at: at })
        .where('citizen_id', '=', citizenId)
        .where('id', '=', noticeId)
        .where('state', '=', 'sending')
        .returning('id')
        .executeTakeFirst();
      if (!sent) return;
      await sql`update notice_throttle set last_notice_at = greatest(last_notice_at, ${at}) where citizen_id = ${citizenId} and channel = ${head.channel}`.execute(tx);
      for (const messageId of await this.noticeLetters(tx, citizenId, noticeId)) {
        await moveAttempt(tx, { citizenId, messageId, channel: head.channel, state: 'delivered', at, detail: `notice ${noticeId} sent` });
      }
    });
  }

  /**
   * A notice gave up: its letters' notice attempts fail and a dead letter is left. Each
   * unread letter then gets a notice on the other channel if the citizen has one,
   * else goes on by its next delivery channel at once (the citizen cannot be told).
   */
  async noticeFailed(citizenId: string, noticeId: string, at: Date, reason: string, attempts: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const head = await tx.selectFrom('notice').select('channel').where('citizen_id', '=', citizenId).where('id', '=', noticeId).executeTakeFirst();
      if (!head) return;
      await this.lockThrottle(tx, citizenId, head.channel);
      const failed = await this.finishNotice(tx, citizenId, noticeId, 'failed', at, { detail: reason });
      if (!failed) return;
      await this.addDeadLetter(tx, { citizenId, messageId: null, noticeId, step: head.channel, reason, attempts, at });
      const other: NoticeChannel = head.channel === 'sms' ? 'email' : 'sms';
      for (const messageId of await this.noticeLetters(tx, citizenId, noticeId)) {
        const ref = { citizenId, messageId };
        const letter = await tx.selectFrom('message').select('first_read_at').where('citizen_id', '=', citizenId).where('id', '=', messageId).executeTakeFirst();
        if (!letter || letter.first_read_at) continue;
        const plan = await this.plan(tx, citizenId, messageId, true);
        if (!plan) continue;
        const otherRecipient = other === 'sms' ? plan.facts.contact?.mobile : plan.facts.contact?.email;
        const otherTried = await tx
          .selectFrom('delivery_attempt')
          .select('state')
          .where('citizen_id', '=', citizenId)
          .where('message_id', '=', messageId)
          .where('channel', '=', other)
          .executeTakeFirst();
        if (otherTried && otherTried.state !== 'failed') continue; // the other notice is on its way or went
        if (!otherTried && otherRecipient && this.settings.noticeChannels.includes(other) && !plan.facts.contact?.reserved) {
          await this.requestNotice(tx, ref, other, otherRecipient, at);
        } else {
          await this.advance(tx, ref, 'inbox', at, `${head.channel} notice failed`);
        }
      }
    });
  }

  private async finishNotice(tx: Transaction<Database>, citizenId: string, noticeId: string, state: Extract<NoticeState, 'failed' | 'skipped'>, at: Date, { detail }: { detail: string }) {
    const row = await tx
      .updateTable('notice')
      .set({ state, detail, updated_at: at })
      .where('citizen_id', '=', citizenId)
      .where('id', '=', noticeId)
      .where('state', 'in', ['pending', 'sending'])
      .returning('channel')
      .executeTakeFirst();
    if (!row) return false;
    for (const messageId of await this.noticeLetters(tx, citizenId, noticeId)) {
      await moveAttempt(tx, { citizenId, messageId, channel: row.channel, state, at, detail });
    }
    return true;
  }

  private async noticeLetters(executor: Executor, citizenId: string, noticeId: string): Promise<string[]> {
    const rows = await executor.selectFrom('notice_letter').select('message_id').where('citizen_id', '=', citizenId).where('notice_id', '=', noticeId).execute();
    return rows.map((row) => row.message_id);
  }

  // ---- dead letters --------------------------------------------------------------------

  private async addDeadLetter(
    tx: Transaction<Database>,
    entry: { citizenId: string; messageId: string | null; noticeId: string | null; step: string; reason: string; attempts: number; at: Date },
  ) {
    await tx
      .insertInto('dead_letter')
      .values({
        citizen_id: entry.citizenId,
        message_id: entry.messageId,
        notice_id: entry.noticeId,
        step: entry.step,
        reason: entry.reason.slice(0, 2000),
        attempts: entry.attempts,
        created_at: entry.at,
      })
      .execute();
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
    return this.db.transaction().execute(async (tx) => {
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
          for (const messageId of await this.noticeLetters(tx, citizenId, entry.notice_id)) {
            await moveAttempt(tx, { citizenId, messageId, channel: notice.channel, state: 'queued', at, detail }, { reopen: true });
          }
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

    await this.db.transaction().execute(async (tx) => {
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
