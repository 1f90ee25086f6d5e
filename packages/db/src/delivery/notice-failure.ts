/**
 * A notice that gave up: its letters' notice attempts fail and a dead letter is left.
 * Each unread letter then gets a notice on the other channel if the citizen has one,
 * else goes on by its next delivery channel at once (the citizen cannot be told);
 * @innboks/core `afterFailedNotice` decides which.
 */
import type { Transaction } from 'kysely';
import { afterFailedNotice, noticeRecipient, otherNoticeChannel } from '@innboks/core';
import type { Database } from '../schema.ts';
import { attemptState } from './attempts.ts';
import { moveToNextChannel } from './channel-steps.ts';
import { addDeadLetters } from './dead-letters.ts';
import type { DeliverySettings } from './delivery-types.ts';
import { firstReadAt, readPlan } from './letter-reads.ts';
import { finishNotice, lettersOfNotice, lockThrottles, requestNotices, type NoticeRef } from './notice-batch.ts';

export async function noticeFailed(tx: Transaction<Database>, settings: DeliverySettings, notice: NoticeRef, at: Date, reason: string, attempts: number): Promise<void> {
  const { citizenId, noticeId } = notice;
  const head = await tx.selectFrom('notice').select('channel').where('citizen_id', '=', citizenId).where('id', '=', noticeId).executeTakeFirst();
  if (!head) return;
  await lockThrottles(tx, [{ citizenId, channel: head.channel }]);
  const failed = await finishNotice(tx, citizenId, noticeId, 'failed', at, reason);
  if (!failed) return;
  await addDeadLetters(tx, [{ citizenId, messageId: null, noticeId, step: head.channel, reason, attempts, at }]);
  const other = otherNoticeChannel(head.channel);
  for (const letter of await lettersOfNotice(tx, citizenId, noticeId)) {
    // A parent's notice of a child's letter that failed moves nothing on: the letter's
    // own plan (and the other parent's notice) stand; the dead letter tells the operator.
    if (letter.citizenId !== citizenId) continue;
    const messageId = letter.messageId;
    const ref = { citizenId, messageId };
    const read = await firstReadAt(tx, ref);
    if (!read || read.at) continue;
    const plan = await readPlan(tx, ref, true);
    if (!plan) continue;
    const next = afterFailedNotice({
      failed: head.channel,
      otherAttempt: await attemptState(tx, citizenId, messageId, other),
      otherRecipient: noticeRecipient(other, plan.facts.contact),
      noticeChannels: settings.noticeChannels,
      reserved: plan.facts.contact?.reserved ?? false,
    });
    switch (next.action) {
      case 'wait':
        continue;
      case 'notice':
        await requestNotices(tx, settings, [{ ...ref, channel: next.channel, recipient: next.recipient }], at);
        continue;
      case 'next-channel':
        await moveToNextChannel(tx, settings, ref, 'inbox', at, `${head.channel} notice failed`);
        continue;
    }
  }
}
