/**
 * Some answers are given once per booking: saying the time does not suit, confirming,
 * asking for another time or to end the treatment. A second would cancel twice or
 * contradict nothing new, so the server refuses it and the web app shows what was
 * sent instead of the button. A question may always be asked again. When the
 * hospital changes the appointment (a new time, say), earlier answers no longer count.
 * Browser-safe.
 */
import type { AppointmentReplyReason } from './region-rules.ts';

/** Reasons given once per booking. */
export const answeredOnceReasons: readonly AppointmentReplyReason[] = ['cannot-attend', 'confirm', 'request-change', 'request-end-of-treatment'];

export interface EarlierReply<T extends Date | string = Date | string> {
  reason: AppointmentReplyReason | string;
  sentAt: T;
}

/** The earlier answer that makes another with this reason pointless, if one was sent since the booking last changed. */
export function earlierAnswer<R extends EarlierReply>(reason: AppointmentReplyReason, replies: readonly R[], bookingChangedAt: Date | string): R | undefined {
  if (!answeredOnceReasons.includes(reason)) return undefined;
  const changed = new Date(bookingChangedAt).getTime();
  return replies.find((reply) => reply.reason === reason && new Date(reply.sentAt).getTime() >= changed);
}
