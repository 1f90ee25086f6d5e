/**
 * Notices tell the citizen that something arrived, never what (the words, per
 * language: notices-text.ts). At most one notice per citizen and channel per
 * window, and SMS are held through quiet hours.
 */
import { endOfQuietHours, type QuietHours } from './quiet-hours.ts';
import type { NoticeChannel } from './channel-plan.ts';

export interface NoticeTimingInput {
  now: Date;
  channel: NoticeChannel;
  /** When the citizen was last sent a notice on this channel (or one started sending). */
  lastNoticeAt: Date | null;
  windowMs: number;
  quietHours: QuietHours | null;
}

/** The earliest moment a new notice may go: after the window since the last one, and (SMS) not at night. */
export function noticeDueAt({ now, channel, lastNoticeAt, windowMs, quietHours }: NoticeTimingInput): Date {
  const afterWindow = lastNoticeAt ? new Date(Math.max(now.getTime(), lastNoticeAt.getTime() + windowMs)) : now;
  return channel === 'sms' ? endOfQuietHours(afterWindow, quietHours) : afterWindow;
}
