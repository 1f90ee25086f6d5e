/**
 * The citizen web API for appointments (Timeavtaler) and replies to them. The region
 * rule table and the fee table come from the domain core, so server and web app
 * read the same rules.
 *
 * - GET  /api/appointments                  → AppointmentList (upcoming first by time, past newest first)
 * - GET  /api/appointments/:id              → AppointmentView; another citizen's id answers 404
 * - GET  /api/letters/:id/appointment       → LetterAppointment: the appointment a letter is about, or null; another citizen's letter answers 404
 * - POST /api/appointments/:id/replies      → 201 AppointmentReplyReceipt (CSRF header required)
 *
 * Refusals of a reply are problem details with these `type`s:
 * `appointmentProblemTypes.started` (409), `.cancelled` (409), `.reasonNotOffered` (422);
 * a missing or too long text is 400 with `errors[].field` = `text`.
 */
import { z } from 'zod';
import { appointmentKinds, appointmentReplyReasons, appointmentReplyTextMaxLength, careAreas, regionKeys, replyModes } from '@innboks/core/appointments/rules';

export {
  appointmentReplyTextMaxLength,
  appointmentKinds,
  appointmentReplyReasons,
  answeredOnceReasons,
  careAreas,
  earlierAnswer,
  healthRegions,
  regionKeys,
  reasonsAffectingAttendance,
  regionRules,
  replyModeRules,
  replyModes,
  type AppointmentKind,
  type AppointmentReplyReason,
  type CareArea,
  type RegionKey,
  type ReplyMode,
  type ReplyModeRule,
} from '@innboks/core/appointments/rules';

export const appointmentProblemTypes = {
  started: 'urn:innboks:problem:appointment-started',
  cancelled: 'urn:innboks:problem:appointment-cancelled',
  reasonNotOffered: 'urn:innboks:problem:reply-reason-not-offered',
  alreadyAnswered: 'urn:innboks:problem:appointment-already-answered',
} as const;

/** The no-show fee that applies to this appointment (dated table, by its kind and care area). */
export const noShowFeeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), reason: z.literal('remote-consultation') }),
  z.object({ kind: z.literal('fixed'), amountNok: z.number().int() }),
  z.object({ kind: z.literal('up-to'), amountNok: z.number().int() }),
  z.object({ kind: z.literal('unknown') }),
]);
export type NoShowFeeView = z.infer<typeof noShowFeeSchema>;

export const appointmentReplySummarySchema = z.object({
  reason: z.enum(appointmentReplyReasons),
  sentAt: z.string(),
  /** Sent less than 24 hours before the start. */
  late: z.boolean(),
  /** The inbox thread the reply is in, where the hospital's answer arrives. */
  threadId: z.string().uuid(),
});

export const appointmentViewSchema = z.object({
  id: z.string().uuid(),
  /** FHIR Appointment.status as the hospital sent it. */
  status: z.string(),
  cancelled: z.boolean(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(appointmentKinds),
  careArea: z.enum(careAreas),
  hospital: z.string(),
  clinic: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string().nullable(),
  patientInstruction: z.string().nullable(),
  /** The hospital's health region (`other` outside the four). */
  region: z.enum(regionKeys),
  /** How the citizen answers, from the region table and the deployment's configuration. */
  replyMode: z.enum(replyModes),
  reply: z.object({
    /** `open` until the deadline; `late` after it (the reply goes, a fee may be charged); closed from the start or when cancelled. */
    state: z.enum(['open', 'late', 'started', 'cancelled']),
    /** 24 real hours before the start. */
    deadline: z.string(),
  }),
  fee: noShowFeeSchema,
  /** The thread of the appointment letter, when there is one. */
  letterId: z.string().uuid().nullable(),
  replies: z.array(appointmentReplySummarySchema),
  updatedAt: z.string(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const appointmentListSchema = z.object({
  upcoming: z.array(appointmentViewSchema),
  past: z.array(appointmentViewSchema),
});
export type AppointmentList = z.infer<typeof appointmentListSchema>;

export const letterAppointmentSchema = z.object({ appointment: appointmentViewSchema.nullable() });
export type LetterAppointment = z.infer<typeof letterAppointmentSchema>;

export const appointmentReplyRequestSchema = z.object({
  reason: z.enum(appointmentReplyReasons),
  /** Optional for most reasons; required for a question. */
  text: z.string().max(appointmentReplyTextMaxLength).optional(),
});
export type AppointmentReplyRequest = z.infer<typeof appointmentReplyRequestSchema>;

export const appointmentReplyReceiptSchema = z.object({
  messageId: z.string().uuid(),
  threadId: z.string().uuid(),
  late: z.boolean(),
});
export type AppointmentReplyReceipt = z.infer<typeof appointmentReplyReceiptSchema>;
