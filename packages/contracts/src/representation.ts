/**
 * Acting for others (SENDER-API "Representation").
 * GET /api/representation → Representation: whom the citizen acts for now, whom they
 *   may choose, and the powers of attorney they gave.
 * PUT /api/representation/acting-for { personId | null } → Representation (404 for
 *   anyone no relation allows now). The choice is kept in the session, never in URLs.
 * POST /api/representation/powers { holderNationalId, validUntil? } → 201 Representation
 *   (422 naming the field when the rules refuse it); DELETE /api/representation/powers/:id
 *   ends one, by either side (404 when it is not theirs).
 * GET /api/representation/log → what representatives read and did for the citizen.
 * All of these are the citizen's own, whoever they act for at the moment.
 */
import { z } from 'zod';

export const relationSchema = z.enum(['FO', 'FU', 'VE']);
export type RelationCode = z.infer<typeof relationSchema>;

const personSchema = z.object({ personId: z.string(), name: z.string() });

export const representationSchema = z.object({
  /** The logged-in citizen. */
  self: z.object({ name: z.string() }),
  /** Whom the session acts for now; null for the citizen themselves. */
  actingFor: personSchema.extend({ relation: relationSchema }).nullable(),
  /** The people the citizen may choose; `available: false` when the rules refuse it now (no reason is given). */
  candidates: z.array(
    personSchema.extend({
      relation: relationSchema,
      available: z.boolean(),
      /** For a power of attorney: its id (the holder may end it too) and last day. */
      powerId: z.string().nullable(),
      validUntil: z.string().nullable(),
    }),
  ),
  /** The citizen's own address is confidential: they cannot act for anyone. */
  ownAddressConfidential: z.boolean(),
  /** Powers of attorney the citizen gave, newest first. */
  powersGiven: z.array(
    z.object({
      id: z.string(),
      holderName: z.string(),
      givenAt: z.string(),
      validUntil: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ),
});
export type Representation = z.infer<typeof representationSchema>;

export const actingForUpdateSchema = z.object({ personId: z.string().uuid().nullable() });
export type ActingForUpdate = z.infer<typeof actingForUpdateSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'en dato på formen ÅÅÅÅ-MM-DD');

export const powerOfAttorneyRequestSchema = z.object({
  holderNationalId: z.string().regex(/^\d{11}$/, 'et fødselsnummer med 11 siffer'),
  /** The last day it holds; absent or null for open-ended. */
  validUntil: isoDate.nullable().optional(),
});
export type PowerOfAttorneyRequest = z.infer<typeof powerOfAttorneyRequestSchema>;

export const representationLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      representativeName: z.string(),
      relation: relationSchema,
      action: z.string(),
      objectKind: z.string(),
    }),
  ),
});
export type RepresentationLog = z.infer<typeof representationLogSchema>;
