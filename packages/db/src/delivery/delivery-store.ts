/**
 * Delivery state in the database: channel plans, channel attempts, notices and dead
 * letters. Every change happens in one transaction together with the job that does
 * the next step, so a crash anywhere leaves either the old state with its job or the
 * new state with its job. Every step re-reads and moves state only forward, so a job
 * run twice (a worker killed after the work, before it said so) changes nothing.
 *
 * This class is the face the server uses; the work is in the modules beside it:
 * letter-reads.ts (reading), plan-batch.ts (plans and channel starts), channel-steps.ts
 * (digital mailbox, paper, unread fallback, the next channel), notice-batch.ts and
 * notice-failure.ts (notices), dead-letters.ts (dead letters and replay) and
 * delivery-sweep.ts (the sweeper).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ChannelPlan, DeliveryChannel, NoticeChoice } from '@innboks/core';
import type { Database } from '../schema.ts';
import { beginChannel, channelDelivered, channelFailed, unreadFallback, type UnreadFallbackOutcome } from './channel-steps.ts';
import { listDeadLetters, replayDeadLetter } from './dead-letters.ts';
import { sweepDelivery, type SweepFound } from './delivery-sweep.ts';
import { deliveryTransaction } from './delivery-transaction.ts';
import type { DeadLetterView, DeliveryFacts, DeliverySettings, LetterForDelivery, LetterRef, NoticeStart, PlanToSave } from './delivery-types.ts';
import { noticeHolders, readAttachments, readLetters, readNoticeChoice, saveNoticeChoice } from './letter-reads.ts';
import { beginNotices, noticesSent, type NoticeRef, type NoticeSent } from './notice-batch.ts';
import { noticeFailed } from './notice-failure.ts';
import { savePlans } from './plan-batch.ts';
import { sampleQueue } from '../operations/operator-charts.ts';

export class DeliveryStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: DeliverySettings,
  ) {}

  private transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return deliveryTransaction(this.db, work);
  }

  // ---- reading -------------------------------------------------------------------------

  async letter(citizenId: string, messageId: string): Promise<LetterForDelivery | undefined> {
    return (await this.letters([{ citizenId, messageId }])).get(messageId);
  }

  /** Letters with what planning needs (plan, notice choice), in one statement; by message id. */
  letters(refs: readonly LetterRef[]): Promise<Map<string, LetterForDelivery>> {
    return readLetters(this.db, refs);
  }

  attachments(citizenId: string, messageId: string) {
    return readAttachments(this.db, { citizenId, messageId });
  }

  noticeChoice(citizenId: string): Promise<NoticeChoice | null> {
    return readNoticeChoice(this.db, citizenId);
  }

  saveNoticeChoice(citizenId: string, choice: NoticeChoice, at: Date): Promise<void> {
    return saveNoticeChoice(this.db, citizenId, choice, at);
  }

  /** Parents a child's letter may notify, by national id: their citizen rows (made when missing) and notice choices. */
  noticeHolders(people: readonly { nationalId: string; name: string; birthDate: string | null }[]) {
    return noticeHolders(this.db, people);
  }

  // ---- the plan ------------------------------------------------------------------------

  /** Saves the plan and starts its first channel. False when the letter already had one. */
  async savePlan(letter: LetterRef, plan: ChannelPlan, facts: DeliveryFacts, at: Date): Promise<boolean> {
    const saved = await this.savePlans([{ letter: { citizenId: letter.citizenId, messageId: letter.messageId }, plan, facts }], at);
    return saved.has(letter.messageId);
  }

  /** Many letters' plans in one transaction (see plan-batch.ts); the letters whose plan was saved now. */
  savePlans(items: readonly PlanToSave[], at: Date): Promise<Set<string>> {
    return this.transaction((tx) => savePlans(tx, this.settings, items, at));
  }

  // ---- digital mailbox and paper -------------------------------------------------------

  /** queued → sending before the outside call; true when the step should run. */
  beginChannel(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date): Promise<boolean> {
    return this.transaction((tx) => beginChannel(tx, { citizenId, messageId }, channel, at));
  }

  async channelDelivered(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date, detail: string): Promise<void> {
    await this.transaction((tx) => channelDelivered(tx, { citizenId, messageId }, channel, at, detail));
  }

  /** The step gave up (out of tries, or rejected): failed, a dead letter, and the next channel at once. */
  async channelFailed(citizenId: string, messageId: string, channel: DeliveryChannel, at: Date, reason: string, attempts: number): Promise<void> {
    await this.transaction((tx) => channelFailed(tx, this.settings, { citizenId, messageId }, channel, at, reason, attempts));
  }

  // ---- unread fallback -----------------------------------------------------------------

  /** An important letter still unopened when its time is up goes on by the next channel, once. */
  unreadFallback(citizenId: string, messageId: string, at: Date, days: number): Promise<UnreadFallbackOutcome> {
    return this.transaction((tx) => unreadFallback(tx, this.settings, { citizenId, messageId }, at, days));
  }

  // ---- notices -------------------------------------------------------------------------

  /** See notice-batch.ts: whether the notice may go now, marked `sending` if so. */
  async beginNotice(citizenId: string, noticeId: string, at: Date): Promise<NoticeStart> {
    return (await this.beginNotices([{ citizenId, noticeId }], at)).get(noticeId)!;
  }

  /** Many notices at once, in one transaction; by notice id. */
  beginNotices(refs: readonly NoticeRef[], at: Date): Promise<Map<string, NoticeStart>> {
    return this.transaction((tx) => beginNotices(tx, this.settings, refs, at));
  }

  async noticeSent(citizenId: string, noticeId: string, at: Date, providerId: string): Promise<void> {
    await this.noticesSent([{ citizenId, noticeId, providerId }], at);
  }

  /** Notices the gateways took, in one transaction: sent, and their letters' notice attempts delivered. */
  async noticesSent(sent: readonly NoticeSent[], at: Date): Promise<void> {
    await this.transaction((tx) => noticesSent(tx, sent, at));
  }

  /** See notice-failure.ts: the notice's letters are told on the other channel, or go on by their next one. */
  async noticeFailed(citizenId: string, noticeId: string, at: Date, reason: string, attempts: number): Promise<void> {
    await this.transaction((tx) => noticeFailed(tx, this.settings, { citizenId, noticeId }, at, reason, attempts));
  }

  // ---- dead letters --------------------------------------------------------------------

  /** Dead letters not replayed yet, and jobs the queue gave up on; oldest first. */
  deadLetters(): Promise<DeadLetterView[]> {
    return listDeadLetters(this.db);
  }

  /** An operator sends a dead letter again (see dead-letters.ts), `record` in the same transaction. False: no such entry. */
  replay(id: string, at: Date, record?: (tx: Transaction<Database>, replayed: boolean) => Promise<void>): Promise<boolean> {
    return replayDeadLetter(this.db, this.settings, id, at, record);
  }

  // ---- the sweeper ---------------------------------------------------------------------

  /** Delivery work waiting with no job to do it, queued again (see delivery-sweep.ts). */
  sweep(now: Date, stuckBefore: Date, limit = 500): Promise<SweepFound> {
    return sweepDelivery(this.db, this.settings, now, stuckBefore, limit);
  }

  /** The queue's depth now, for the operator's chart of it over time (operator-charts.ts); safe to run twice. */
  sampleQueue(now: Date): Promise<void> {
    return sampleQueue(this.db, now);
  }
}
