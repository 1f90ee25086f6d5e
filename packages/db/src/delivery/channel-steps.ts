/**
 * The steps of a letter's delivery channels after its plan: a digital-mailbox or
 * paper step begun, delivered or failed; the unread fallback; and moving on to the
 * next channel (which @innboks/core `nextChannel` decides). Each runs inside the
 * caller's transaction, re-reads and moves state only forward.
 */
import type { Transaction } from 'kysely';
import { nextChannel, type DeliveryChannel } from '@innboks/core';
import type { Database } from '../schema.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { unreadFallbackJob } from '../queue/job-kinds.ts';
import { moveAttempt } from './attempts.ts';
import { addDeadLetters } from './dead-letters.ts';
import type { DeliverySettings, LetterRef } from './delivery-types.ts';
import { firstReadAt, readPlan } from './letter-reads.ts';
import { setMessageStatuses, startChannels } from './plan-batch.ts';

type Tx = Transaction<Database>;

/** The channel `from` is done with (failed, or unread too long): the next one starts, if there is one. */
export async function moveToNextChannel(tx: Tx, settings: DeliverySettings, ref: LetterRef, from: DeliveryChannel, at: Date, reason: string): Promise<void> {
  const plan = await readPlan(tx, ref, true);
  if (!plan) return;
  const next = nextChannel(plan, from);
  switch (next.action) {
    case 'stay':
      return;
    case 'start':
      await tx.updateTable('delivery_plan').set({ step: next.index, updated_at: at }).where('citizen_id', '=', ref.citizenId).where('message_id', '=', ref.messageId).execute();
      await startChannels(tx, settings, [{ letter: ref, plan, index: next.index, detail: `after ${from}: ${reason}` }], at);
      return;
    case 'none-left': {
      const reached = await tx
        .selectFrom('delivery_attempt')
        .select('id')
        .where('citizen_id', '=', ref.citizenId)
        .where('message_id', '=', ref.messageId)
        .where('state', 'in', ['delivered', 'read'])
        .executeTakeFirst();
      if (!reached) await setMessageStatuses(tx, [{ ...ref, status: 'not-done' }], at);
      return;
    }
  }
}

/** queued → sending before the outside call; true when the step should run. */
export async function beginChannel(tx: Tx, ref: LetterRef, channel: DeliveryChannel, at: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('delivery_attempt')
    .select('state')
    .where('citizen_id', '=', ref.citizenId)
    .where('message_id', '=', ref.messageId)
    .where('channel', '=', channel)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return false;
  if (row.state === 'queued') {
    await moveAttempt(tx, { ...ref, channel, state: 'sending', at, detail: null });
    return true;
  }
  return row.state === 'sending';
}

export async function channelDelivered(tx: Tx, ref: LetterRef, channel: DeliveryChannel, at: Date, detail: string): Promise<void> {
  const moved = await moveAttempt(tx, { ...ref, channel, state: 'delivered', at, detail });
  if (moved) await setMessageStatuses(tx, [{ ...ref, status: 'completed' }], at);
}

/** The step gave up (out of tries, or rejected): failed, a dead letter, and the next channel at once. */
export async function channelFailed(tx: Tx, settings: DeliverySettings, ref: LetterRef, channel: DeliveryChannel, at: Date, reason: string, attempts: number): Promise<void> {
  const moved = await moveAttempt(tx, { ...ref, channel, state: 'failed', at, detail: reason });
  if (!moved) return;
  await addDeadLetters(tx, [{ ...ref, noticeId: null, step: channel, reason, attempts, at }]);
  await moveToNextChannel(tx, settings, ref, channel, at, reason);
}

export type UnreadFallbackOutcome = 'moved-on' | 'read' | 'not-due' | 'done';

/** An important letter still unopened when its time is up goes on by the next channel, once. */
export async function unreadFallback(tx: Tx, settings: DeliverySettings, ref: LetterRef, at: Date, days: number): Promise<UnreadFallbackOutcome> {
  const plan = await readPlan(tx, ref, true);
  if (!plan || plan.unreadFallbackDone || !plan.unreadFallbackAt) return 'done';
  if (plan.unreadFallbackAt > at) {
    await enqueueJob(tx, unreadFallbackJob, { ...ref }, { runAt: plan.unreadFallbackAt });
    return 'not-due';
  }
  await tx
    .updateTable('delivery_plan')
    .set({ unread_fallback_done: true, updated_at: at })
    .where('citizen_id', '=', ref.citizenId)
    .where('message_id', '=', ref.messageId)
    .execute();
  if ((await firstReadAt(tx, ref))?.at) return 'read';
  await moveToNextChannel(tx, settings, ref, 'inbox', at, `unread after ${days} days`);
  return 'moved-on';
}
