/**
 * What comes after a channel of a letter's plan is done with (PRODUCT.md "Delivery
 * and notices"): the channel failed, or an important letter lay unread in the inbox
 * too long, or the citizen could not be told of it. The plan (channel-plan.ts) fixed
 * the order of the channels when the letter arrived; these decide only where in that
 * order the letter goes on, so the store can carry it out in one transaction.
 */
import type { AttemptState } from './attempt-state.ts';
import type { DeliveryChannel, NoticeChannel } from './channel-plan.ts';

export type NextChannel =
  /** `from` is not the channel the letter is on: a step already moved it on (a job run twice), nothing to do. */
  | { action: 'stay' }
  | { action: 'start'; index: number; channel: DeliveryChannel }
  /** No channel is left: the letter is not done, unless an earlier channel reached the citizen. */
  | { action: 'none-left' };

export function nextChannel(plan: { channels: readonly DeliveryChannel[]; step: number }, from: DeliveryChannel): NextChannel {
  const index = plan.channels.indexOf(from);
  if (index < 0 || index !== plan.step) return { action: 'stay' };
  const next = index + 1;
  const channel = plan.channels[next];
  return channel ? { action: 'start', index: next, channel } : { action: 'none-left' };
}

export interface FailedNoticeFacts {
  /** The channel of the notice that gave up. */
  failed: NoticeChannel;
  /** The letter's attempt on the other notice channel, if it has one. */
  otherAttempt: AttemptState | undefined;
  /** Where a notice on the other channel would go (the register's number or address), if anywhere. */
  otherRecipient: string | null;
  /** The notice channels this deployment sends. */
  noticeChannels: readonly NoticeChannel[];
  /** Reserved against digital contact from the public sector. */
  reserved: boolean;
}

export type AfterFailedNotice =
  /** The other notice is on its way or went: the citizen is told by that one. */
  | { action: 'wait' }
  | { action: 'notice'; channel: NoticeChannel; recipient: string }
  /** The citizen cannot be told: the letter goes on by its next delivery channel at once. */
  | { action: 'next-channel' };

/** An unread letter whose notice failed: the other notice channel if the citizen has one, else the next delivery channel. */
export function afterFailedNotice(facts: FailedNoticeFacts): AfterFailedNotice {
  if (facts.otherAttempt && facts.otherAttempt !== 'failed') return { action: 'wait' };
  const other = otherNoticeChannel(facts.failed);
  if (!facts.otherAttempt && facts.otherRecipient && facts.noticeChannels.includes(other) && !facts.reserved) {
    return { action: 'notice', channel: other, recipient: facts.otherRecipient };
  }
  return { action: 'next-channel' };
}

export function otherNoticeChannel(channel: NoticeChannel): NoticeChannel {
  return channel === 'sms' ? 'email' : 'sms';
}
