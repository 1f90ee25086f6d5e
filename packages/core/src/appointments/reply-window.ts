/**
 * Whether and how a citizen may still answer an appointment at a given moment.
 * Before the deadline: open. After it and before the start: late (the reply goes,
 * and the citizen is told the no-show fee may be charged). From the start, or when
 * cancelled: closed.
 */
import { isCancelledStatus } from './appointment.ts';
import { replyDeadline } from './reply-deadline.ts';
import { replyModeRules, type AppointmentReplyReason, type ReplyMode } from './region-rules.ts';

export type ReplyWindowState = 'open' | 'late' | 'started' | 'cancelled';

export interface ReplyWindow {
  state: ReplyWindowState;
  deadline: Date;
}

export function replyWindow(appointment: { start: Date; status: string }, now: Date): ReplyWindow {
  const deadline = replyDeadline(appointment.start);
  if (isCancelledStatus(appointment.status)) return { state: 'cancelled', deadline };
  if (now.getTime() >= appointment.start.getTime()) return { state: 'started', deadline };
  if (now.getTime() > deadline.getTime()) return { state: 'late', deadline };
  return { state: 'open', deadline };
}

export type ReplyDecision =
  | { ok: true; late: boolean }
  | { ok: false; problem: 'cancelled' | 'started' | 'reason-not-offered' | 'text-required' };

/** Decides a citizen's reply: the region's rule first, then the time. */
export function decideAppointmentReply(
  request: { reason: AppointmentReplyReason; text: string | undefined },
  appointment: { start: Date; status: string },
  mode: ReplyMode,
  now: Date,
): ReplyDecision {
  const rule = replyModeRules[mode];
  if (!rule.reasons.includes(request.reason)) return { ok: false, problem: 'reason-not-offered' };
  if (rule.textRequiredFor.includes(request.reason) && !request.text?.trim()) return { ok: false, problem: 'text-required' };
  const window = replyWindow(appointment, now);
  switch (window.state) {
    case 'cancelled':
    case 'started':
      return { ok: false, problem: window.state };
    case 'late':
      return { ok: true, late: true };
    case 'open':
      return { ok: true, late: false };
  }
}
