/**
 * The citizen web API: the one contract between the server and the citizen web app.
 * All paths are under /api. Errors are RFC 9457 problem details (see `problemSchema`).
 * State-changing requests (POST, PATCH, DELETE) must carry the header
 * `X-CSRF-Token` with the value of the `innboks_csrf` cookie.
 */
import { z } from 'zod';
import { inboxCategories } from './categories.ts';
import { messageTextMaxLength } from './municipal-api.ts';

export const inboxCategorySchema = z.enum(inboxCategories);

/** RFC 9457 problem details; `errors` names each bad field. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** GET /api/session — 200 when logged in, 401 problem otherwise. */
export const sessionSchema = z.object({
  citizen: z.object({ name: z.string(), nationalId: z.string() }),
  /** Seconds of inactivity after which the session ends. */
  idleTimeoutSeconds: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

const helpdeskTextSchema = z.object({ name: z.string(), hours: z.string() });

/** GET /api/config — public, no login. Help desk facts shown in every footer. */
export const publicConfigSchema = z.object({
  /** `weekdays`: opening hours as times ("08:00"); `text`: the name and the hours in each language, as configured. */
  helpdesk: z.object({
    phone: z.string(),
    weekdays: z.object({ opens: z.string(), closes: z.string() }),
    text: z.object({ nb: helpdeskTextSchema, nn: helpdeskTextSchema, se: helpdeskTextSchema, en: helpdeskTextSchema }),
  }),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const unreadCountsSchema = z.object({
  total: z.number().int(),
  // Only categories with unread letters are present (a partial record: zod 4's record of an enum wants every key).
  byCategory: z.record(inboxCategorySchema, z.number().int()),
});
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;

const inboxPageFields = z.object({
  category: inboxCategorySchema.optional(),
  archived: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * GET /api/inbox query. `cursor` is opaque, from the previous page's `nextCursor`.
 * Search words are refused here (400 naming `q`): a URL lands in history, proxies and
 * access logs, so a search goes in the body of POST /api/inbox/search.
 */
export const inboxQuerySchema = inboxPageFields.extend({
  q: z
    .never({ error: 'Søkeord sendes i POST /api/inbox/search, ikke i adressen' })
    .optional()
    .describe('Refused (400): search words go in the body of POST /api/inbox/search'),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

/** POST /api/inbox/search body: the same page fields and the search words; answered as GET /api/inbox. */
export const inboxSearchSchema = inboxPageFields.extend({
  q: z.string().trim().min(1).max(200),
});
export type InboxSearch = z.input<typeof inboxSearchSchema>;

/** One inbox row: a thread, shown by its first letter's subject and its newest activity. */
export const inboxItemSchema = z.object({
  id: z.string().uuid(),
  subject: z.string(),
  /** The other party: whom it came from, or whom the citizen wrote to when `startedBy` is `citizen`. */
  senderName: z.string(),
  /** `citizen` when the citizen wrote the first message (a question to a clinic, a message to a service). */
  startedBy: z.enum(['sender', 'citizen']),
  category: inboxCategorySchema,
  lastActivityAt: z.string(),
  unread: z.boolean(),
  archived: z.boolean(),
  important: z.boolean(),
  hasAttachments: z.boolean(),
  messageCount: z.number().int(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** GET /api/inbox — a page of threads, newest activity first, plus the unread counts. */
export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
  unread: unreadCountsSchema,
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

export const attachmentSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Opens inline in the browser. Add `?download=1` to download instead. */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const threadMessageSchema = z.object({
  id: z.string().uuid(),
  /** `to-citizen`: from the sender; `from-citizen`: the citizen's own reply. */
  direction: z.enum(['to-citizen', 'from-citizen']),
  senderName: z.string(),
  subject: z.string(),
  sentAt: z.string(),
  text: z.array(z.string()),
  attachments: z.array(attachmentSchema),
  /**
   * The citizen's answer carried to its sender as a Dialogmelding: `sending` until the
   * sender's receipt, then `delivered`, or `rejected` with the sender's error codes and
   * texts. null for every other message.
   */
  carried: z
    .object({
      state: z.enum(['sending', 'delivered', 'rejected']),
      errors: z.array(z.object({ code: z.string(), description: z.string(), details: z.string().optional() })),
    })
    .nullable(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;
export type CarriedState = NonNullable<ThreadMessage['carried']>;

/**
 * GET /api/letters/:id — a thread with all its messages, oldest first. Opening it
 * marks it read. Another citizen's id answers 404, exactly like a missing one.
 */
export const letterSchema = z.object({
  id: z.string().uuid(),
  subject: z.string(),
  senderName: z.string(),
  category: inboxCategorySchema,
  sentAt: z.string(),
  unread: z.boolean(),
  archived: z.boolean(),
  important: z.boolean(),
  /** A conversation with a municipal service, which has its own panel (GET /api/municipal/threads/:id). */
  municipal: z.boolean(),
  /** The sender asked a question by Dialogmelding: the citizen may answer it (POST /api/letters/:id/answers). */
  answerable: z.boolean(),
  /** The form this letter ordered, to fill in at /skjemautfyller/ordered/:formId; null for other letters. */
  formId: z.string().nullable(),
  messages: z.array(threadMessageSchema),
});
export type Letter = z.infer<typeof letterSchema>;

/**
 * POST /api/letters/:id/answers — answer the question in a thread that came by
 * Dialogmelding. 201 `LetterAnswerSent`; 409 when the thread holds no such question.
 */
export const letterAnswerSchema = z.object({
  text: z.string().trim().min(1, 'Skriv et svar').max(messageTextMaxLength, `Svaret kan ha høyst ${messageTextMaxLength} tegn`),
});
export type LetterAnswer = z.infer<typeof letterAnswerSchema>;

export const letterAnswerSentSchema = z.object({ threadId: z.string().uuid(), messageId: z.string().uuid() });
export type LetterAnswerSent = z.infer<typeof letterAnswerSentSchema>;

/** PATCH /api/letters/:id — archive/restore and mark read/unread. Answers the updated `Letter` summary as an InboxItem. */
export const letterPatchSchema = z
  .object({ archived: z.boolean().optional(), unread: z.boolean().optional() })
  .refine((v) => v.archived !== undefined || v.unread !== undefined, {
    message: 'Oppgi archived eller unread',
    path: ['archived'],
  });
export type LetterPatch = z.infer<typeof letterPatchSchema>;

/**
 * Login and logout are browser navigations, not fetches:
 * - GET  /auth/login?returnTo=/path  → redirect to the identity provider
 * - GET  /auth/callback              → back from it, sets the session cookie, redirects to returnTo
 * - POST /auth/logout (CSRF header)  → ends the session on the server; answers { redirectTo }
 */
export const logoutResponseSchema = z.object({ redirectTo: z.string() });
