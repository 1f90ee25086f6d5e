/**
 * A citizen answers an appointment: the reply button on a Helse Sør-Øst letter, or
 * the dialogue in Timeavtaler (Helse Vest, Helse Nord). The region's rule says which
 * reasons are offered; the clock says whether it is still possible and whether it is
 * late (less than 24 hours before the start, when the no-show fee may be charged).
 * The reply answers the appointment letter when there is one, in its thread.
 */
import type { Clock } from '../time/clock.ts';
import { decideAppointmentReply } from './reply-window.ts';
import { replyModeFor, type AppointmentReplyReason, type ConfiguredReplyModes } from './region-rules.ts';
import { osloTimeZone } from './reply-deadline.ts';
import { appointmentReplyTextMaxLength } from './appointment.ts';
import { earlierAnswer } from './earlier-answer.ts';

/** What the use case needs to know of the appointment, read under a lock. */
export interface AppointmentReplyTarget {
  id: string;
  start: Date;
  status: string;
  region: string | null;
  organizationName: string;
  clinic: string | null;
  /** The newest letter about this appointment, if the hospital sent one. */
  letter: { messageId: string; threadId: string } | undefined;
  /** The thread an earlier reply about this appointment went to. */
  earlierReplyThreadId: string | undefined;
  /** The citizen's earlier replies about it, and when the hospital last changed it. */
  replies: { reason: string; sentAt: Date }[];
  updatedAt: Date;
}

export interface NewAppointmentReply {
  appointmentId: string;
  reason: AppointmentReplyReason;
  late: boolean;
  subject: string;
  textParts: string[];
  /** The message this answers (the appointment letter), when there is one. */
  inResponseTo: string | undefined;
  /** The thread it joins; undefined starts a new thread in the inbox. */
  threadId: string | undefined;
  /** Name shown for the new thread's counterpart: the clinic, else the hospital. */
  threadSenderName: string;
  sentAt: Date;
}

/** The storage side, inside one transaction. */
export interface AppointmentReplyStore {
  /** The citizen's own appointment, locked until the transaction ends; undefined for anyone else's. */
  lockAppointment(id: string): Promise<AppointmentReplyTarget | undefined>;
  saveReply(reply: NewAppointmentReply): Promise<{ messageId: string; threadId: string }>;
}

export interface AppointmentReplyRequest {
  appointmentId: string;
  reason: AppointmentReplyReason;
  text: string | undefined;
}

export type AppointmentReplyResult =
  | { ok: true; messageId: string; threadId: string; late: boolean }
  | { ok: false; problem: 'not-found' | 'cancelled' | 'started' | 'reason-not-offered' | 'text-required' | 'text-too-long' }
  | { ok: false; problem: 'already-answered'; sentAt: Date };

export async function sendAppointmentReply(
  store: AppointmentReplyStore,
  request: AppointmentReplyRequest,
  context: { clock: Clock; configuredModes: ConfiguredReplyModes },
): Promise<AppointmentReplyResult> {
  const text = request.text?.trim() || undefined;
  if (text && text.length > appointmentReplyTextMaxLength) return { ok: false, problem: 'text-too-long' };
  const appointment = await store.lockAppointment(request.appointmentId);
  if (!appointment) return { ok: false, problem: 'not-found' };

  const now = context.clock.now();
  const mode = replyModeFor(appointment.region, context.configuredModes);
  const decision = decideAppointmentReply({ reason: request.reason, text }, appointment, mode, now);
  if (!decision.ok) return decision;
  // Under the appointment's lock, so two replies at once cannot both pass.
  const earlier = earlierAnswer(request.reason, appointment.replies, appointment.updatedAt);
  if (earlier) return { ok: false, problem: 'already-answered', sentAt: earlier.sentAt };

  const { subject, textParts } = composeAppointmentReply(request.reason, appointment.start, text);
  const saved = await store.saveReply({
    appointmentId: appointment.id,
    reason: request.reason,
    late: decision.late,
    subject,
    textParts,
    inResponseTo: appointment.letter?.messageId,
    threadId: appointment.letter?.threadId ?? appointment.earlierReplyThreadId,
    threadSenderName: appointment.clinic ?? appointment.organizationName,
    sentAt: now,
  });
  return { ok: true, ...saved, late: decision.late };
}

/** How each reason reads to the hospital staff (Norwegian: they read it as written). */
const replyWording: Record<AppointmentReplyReason, { subject: string; sentence: (when: string) => string }> = {
  'cannot-attend': { subject: 'Timen passer ikke', sentence: (when) => `Timen ${when} passer ikke.` },
  confirm: { subject: 'Bekrefter timen', sentence: (when) => `Jeg bekrefter timen ${when}.` },
  question: { subject: 'Spørsmål om timen', sentence: (when) => `Spørsmål om timen ${when}:` },
  'request-change': { subject: 'Ønsker ny time', sentence: (when) => `Jeg ønsker å endre timen ${when}.` },
  'request-end-of-treatment': { subject: 'Ønsker å avslutte behandlingen', sentence: (when) => `Jeg ønsker å avslutte behandlingen (gjelder timen ${when}).` },
};

const whenFormat = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: osloTimeZone });

/** The subject line and text the hospital receives. */
export function composeAppointmentReply(reason: AppointmentReplyReason, start: Date, text: string | undefined): { subject: string; textParts: string[] } {
  const wording = replyWording[reason];
  const when = whenFormat.format(start);
  return { subject: `${wording.subject} – ${when}`, textParts: [wording.sentence(when), ...(text ? [text] : [])] };
}
