/**
 * Municipal health and care services: the citizen's side (under /api/municipal, the
 * citizen web API's rules: session cookie, `X-CSRF-Token` from `innboks_csrf`) and the
 * staff workspace's API (under /ansatt/api, its own session and `X-CSRF-Token` from
 * `innboks_staff_csrf`). Errors are RFC 9457 problem details.
 */
import { z } from 'zod';
import { accessedObjects } from '@innboks/core/municipal/access-visits';

/** The longest message, or staff answer, in a municipal conversation; the web apps count down to it. */
export const messageTextMaxLength = 5000;

/** Why a citizen cannot write to a service: not in a trial municipality, does not receive it, or it has no digital contact. */
export const messagingRefusalSchema = z.enum(['not-in-trial', 'not-received', 'no-digital-contact']);
export type MessagingRefusal = z.infer<typeof messagingRefusalSchema>;

/** A calendar day in Europe/Oslo, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const receivedServiceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** "Hjemmesykepleie, Drammen kommune, helse og omsorg". */
  displayName: z.string(),
  canMessage: z.boolean(),
  /** Why not, when `canMessage` is false. */
  reason: messagingRefusalSchema.nullable(),
});
export type ReceivedService = z.infer<typeof receivedServiceSchema>;

/**
 * GET /api/municipal/services — whether the citizen's municipality is in the trial, and
 * (only then) the services they receive now. `expectedAnswerIfSentNow`: the first
 * working day after today (Oslo; weekends and public holidays skipped).
 */
export const municipalOverviewSchema = z.object({
  municipality: z.string().nullable(),
  inTrial: z.boolean(),
  services: z.array(receivedServiceSchema),
  expectedAnswerIfSentNow: day,
});
export type MunicipalOverview = z.infer<typeof municipalOverviewSchema>;

/** POST /api/municipal/messages — a new conversation with a service the citizen may write to. */
export const newMunicipalMessageSchema = z.object({
  serviceId: z.string().min(1).max(100),
  subject: z.string().trim().min(1, 'Skriv et emne').max(200, 'Emnet kan ha høyst 200 tegn'),
  text: z.string().trim().min(1, 'Skriv en melding').max(messageTextMaxLength, `Meldingen kan ha høyst ${messageTextMaxLength} tegn`),
});
export type NewMunicipalMessage = z.infer<typeof newMunicipalMessageSchema>;

/** POST /api/municipal/threads/:id/messages — write again in a conversation. */
export const municipalReplySchema = z.object({
  text: z.string().trim().min(1, 'Skriv en melding').max(messageTextMaxLength, `Meldingen kan ha høyst ${messageTextMaxLength} tegn`),
});
export type MunicipalReply = z.infer<typeof municipalReplySchema>;

/** 201 answer to both: the thread (open it at /api/letters/:threadId) and when to expect an answer. */
export const municipalMessageSentSchema = z.object({
  threadId: z.string().uuid(),
  messageId: z.string().uuid(),
  expectedAnswerBy: day,
});
export type MunicipalMessageSent = z.infer<typeof municipalMessageSentSchema>;

/** GET /api/municipal/threads/:id — the municipal facts of one of the citizen's threads (404 for anything else). */
export const municipalThreadInfoSchema = z.object({
  threadId: z.string().uuid(),
  serviceName: z.string(),
  status: z.enum(['open', 'closed']),
  canReply: z.boolean(),
  reason: messagingRefusalSchema.nullable(),
  /** The promised day of the oldest unanswered message; null when nothing waits. */
  expectedAnswerBy: day.nullable(),
  expectedAnswerIfSentNow: day,
});
export type MunicipalThreadInfo = z.infer<typeof municipalThreadInfoSchema>;

/** GET /api/municipal/access-log — every time staff opened the citizen's messages, newest first. */
export const accessLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      staffName: z.string(),
      serviceName: z.string(),
      /** `thread-summary`: the conversation's name and subject were shown in a staff list. */
      object: z.enum(accessedObjects),
      threadId: z.string().uuid(),
      subject: z.string().nullable(),
    }),
  ),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

// ---- The staff workspace (/ansatt/api) ----

/** GET /ansatt/api/session — 200 with a staff session, 401 otherwise. */
export const staffSessionSchema = z.object({
  /** `operator`: may open the operator's screen (operator-api.ts). */
  staff: z.object({ name: z.string(), hprNumber: z.string().nullable(), operator: z.boolean() }),
  idleTimeoutSeconds: z.number().int(),
});
export type StaffSession = z.infer<typeof staffSessionSchema>;

/** GET /ansatt/api/services — the services the staff member works in now. */
export const staffServicesSchema = z.object({
  services: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      organizationName: z.string(),
      municipality: z.string().nullable(),
      /** Open threads waiting for an answer. */
      unanswered: z.number().int(),
    }),
  ),
});
export type StaffServices = z.infer<typeof staffServicesSchema>;

export const staffThreadStatusSchema = z.enum(['open', 'closed']);

export const staffThreadSummarySchema = z.object({
  id: z.string().uuid(),
  subject: z.string(),
  citizenName: z.string(),
  status: staffThreadStatusSchema,
  /** When the oldest unanswered message came; null when answered. */
  awaitingAnswerSince: z.string().nullable(),
  assignedTo: z.object({ id: z.string().uuid(), name: z.string(), isMe: z.boolean() }).nullable(),
  lastActivityAt: z.string(),
  messageCount: z.number().int(),
});
export type StaffThreadSummary = z.infer<typeof staffThreadSummarySchema>;

/** GET /ansatt/api/services/:id/threads?status=open|closed — the shared inbox: unanswered first, longest waiting first. */
export const staffThreadListSchema = z.object({ threads: z.array(staffThreadSummarySchema) });
export type StaffThreadList = z.infer<typeof staffThreadListSchema>;
export const staffThreadListQuerySchema = z.object({ status: staffThreadStatusSchema.default('open') });

/** GET /ansatt/api/threads/:id — opens the thread (and writes a row in the citizen's access log). */
export const staffThreadSchema = staffThreadSummarySchema.extend({
  serviceId: z.string().uuid(),
  serviceName: z.string(),
  citizen: z.object({ name: z.string(), nationalId: z.string() }),
  messages: z.array(
    z.object({
      id: z.string().uuid(),
      direction: z.enum(['to-citizen', 'from-citizen']),
      senderName: z.string(),
      /** The staff member who wrote an answer here. */
      authorName: z.string().nullable(),
      /** Someone who wrote the citizen's message for them: their name and relation (FO parent, FU power of attorney, VE guardian). */
      sentBy: z.object({ name: z.string(), relation: z.enum(['FO', 'FU', 'VE']) }).nullable(),
      sentAt: z.string(),
      text: z.array(z.string()),
      expectedAnswerBy: day.nullable(),
      attachments: z.array(z.object({ id: z.string().uuid(), title: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() })),
    }),
  ),
});
export type StaffThread = z.infer<typeof staffThreadSchema>;

/** PATCH /ansatt/api/threads/:id — assign to self (or let go), close or reopen. Answers the summary. */
export const staffThreadPatchSchema = z
  .object({ assignedToMe: z.boolean().optional(), status: staffThreadStatusSchema.optional() })
  .refine((value) => value.assignedToMe !== undefined || value.status !== undefined, { message: 'Oppgi assignedToMe eller status', path: ['status'] });
export type StaffThreadPatch = z.infer<typeof staffThreadPatchSchema>;

/** POST /ansatt/api/threads/:id/messages — answer the citizen; the citizen gets a notice. */
export const staffAnswerSchema = z.object({
  text: z.string().trim().min(1, 'Skriv et svar').max(messageTextMaxLength, `Svaret kan ha høyst ${messageTextMaxLength} tegn`),
});
export type StaffAnswer = z.infer<typeof staffAnswerSchema>;
export const staffAnswerSentSchema = z.object({ messageId: z.string().uuid() });
