/**
 * The operator's screen (/ansatt/api/operator, operators only): delivery metadata for
 * the whole service. Nothing here carries a letter's contents or who a citizen is.
 */
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

/** One point per hour; `values` by series (channel, job kind, …), zero where nothing happened. */
const hourSeriesSchema = z.array(z.object({ hour: instant, values: z.record(z.string(), z.number()) }));

/** GET /ansatt/api/operator/overview?hours=24|168 */
export const operatorOverviewQuerySchema = z.object({ hours: z.enum(['24', '168']).default('24') });
export const operatorOverviewSchema = z.object({
  /** Letters handed to each channel per hour, over the chosen window. */
  lettersPerHour: hourSeriesSchema,
  /** Last day: 95th percentile in seconds from a notice being made to the gateway taking it, per notice channel. */
  noticeHandOffP95: hourSeriesSchema,
  /** Last day: the most jobs queued in each hour, per job kind and `all`. */
  queueDepth: hourSeriesSchema,
  /** Last day: dead letters `open` at each hour's end and `new` within it. */
  deadLetters: hourSeriesSchema,
});
export type OperatorOverview = z.infer<typeof operatorOverviewSchema>;
export type HourSeries = OperatorOverview['lettersPerHour'];

/**
 * POST /ansatt/api/operator/letters/search — `query` is a letter id (a UUID) or the
 * sender's identifier `system|value`; anything else is 400 naming `query`.
 */
export const operatorLetterSearchSchema = z.object({ query: z.string().trim().min(1).max(600) });
export type OperatorLetterSearch = z.infer<typeof operatorLetterSearchSchema>;

const foundLetterSchema = z.object({
  letterId: z.string().uuid(),
  organizationName: z.string(),
  organizationNumber: z.string(),
  identifier: z.object({ system: z.string(), value: z.string() }),
  sentAt: instant,
});
export const operatorLetterSearchResultSchema = z.object({ letters: z.array(foundLetterSchema) });
export type OperatorFoundLetter = z.infer<typeof foundLetterSchema>;

/** GET /ansatt/api/operator/letters/:id/timeline */
export const timelineStepSchema = z.object({
  at: instant,
  step: z.enum(['received', 'planned', 'attempt', 'notice', 'dead-letter', 'read']),
  channel: z.string().nullable(),
  state: z.string().nullable(),
  /** What the delivery wrote beside the step (a receipt, a reason), or the planned channels. */
  detail: z.string().nullable(),
});
export type TimelineStep = z.infer<typeof timelineStepSchema>;
export const operatorTimelineSchema = foundLetterSchema.extend({
  kind: z.string(),
  important: z.boolean(),
  /** A stand-in for the citizen, the same for all their letters; never who they are. */
  citizenReference: z.string(),
  /** FHIR Communication.status as the sender reads it. */
  status: z.enum(['in-progress', 'completed', 'not-done']),
  steps: z.array(timelineStepSchema),
});
export type OperatorTimeline = z.infer<typeof operatorTimelineSchema>;

/** GET /ansatt/api/operator/dead-letters */
export const operatorDeadLettersSchema = z.object({
  deadLetters: z.array(
    z.object({
      id: z.string(),
      step: z.string(),
      cause: z.enum(['rejected', 'gave-up', 'no-channel', 'job']),
      reason: z.string(),
      attempts: z.number().int(),
      createdAt: instant,
      letterId: z.string().nullable(),
      citizenReference: z.string().nullable(),
    }),
  ),
});
export type OperatorDeadLetter = z.infer<typeof operatorDeadLettersSchema>['deadLetters'][number];

/** POST /ansatt/api/operator/dead-letters/:id/replay — 200 when queued again, 404 when there is nothing to replay. */
export const operatorReplayedSchema = z.object({ id: z.string(), replayed: z.literal(true) });

/** POST /ansatt/api/operator/dead-letters/replay-stopped — a replay of many stopped by the operator. */
export const operatorReplayStoppedSchema = z.object({
  replayed: z.array(z.string().max(40)).max(10_000),
  left: z.array(z.string().max(40)).max(10_000),
});

/** Its answer: the stop is in the audit log. */
export const operatorReplayStoppedAnswerSchema = z.object({ recorded: z.literal(true) });

/** GET /ansatt/api/operator/audit */
export const operatorAuditSchema = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: instant,
      staffName: z.string(),
      action: z.enum(['overview', 'search', 'timeline', 'dead-letters', 'replay', 'stop', 'audit-log']),
      objectIds: z.array(z.string()),
      detail: z.string().nullable(),
    }),
  ),
});
export type OperatorAuditEntry = z.infer<typeof operatorAuditSchema>['entries'][number];
