/**
 * Notices tell the citizen that something arrived, never what: the text is made
 * from the service name and the login address alone, so no subject, sender,
 * department or body can reach it. At most one notice per citizen and channel per
 * window, and SMS are held through quiet hours.
 */
import { endOfQuietHours, type QuietHours } from './quiet-hours.ts';
import type { NoticeChannel } from './channel-plan.ts';

export interface NoticeText {
  sms: string;
  emailSubject: string;
  emailText: string;
}

export interface NoticeTextOptions {
  /** The name citizens know the portal by, e.g. "Helsenorge". */
  serviceName: string;
  /** Where to log in, e.g. https://innboks.example.no */
  loginUrl: string;
}

export function noticeText({ serviceName, loginUrl }: NoticeTextOptions): NoticeText {
  return {
    sms: `Du har fått en ny melding på ${serviceName}. Logg inn på ${loginUrl} for å lese den.`,
    emailSubject: `Ny melding på ${serviceName}`,
    emailText: [
      'Hei,',
      '',
      `Du har fått en ny melding på ${serviceName}. Logg inn på ${loginUrl} for å lese den.`,
      '',
      'Denne e-posten kan ikke besvares.',
    ].join('\n'),
  };
}

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
