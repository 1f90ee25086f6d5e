/** What a sender hands over to publish or order a form, already checked field by field. */
import type { RepresentativeAccess } from '../representation/representation-rules.ts';

/** The item types the form renderer draws (refero 22); anything else is refused when published. */
export const drawableItemTypes = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'choice',
  'open-choice',
  'attachment',
  'quantity',
] as const;

export interface IncomingQuestionnaire {
  url: string;
  version: string;
  status: 'draft' | 'active' | 'retired';
  title: string;
  /** A catalogue form: anyone may start it from Skjema. */
  allCitizens: boolean;
  /** The Questionnaire as sent, kept whole for the renderer. */
  resource: Record<string, unknown>;
}

export interface IncomingFormOrder {
  identifier: { system: string; value: string };
  citizenNationalId: string;
  requesterOrganizationNumber: string;
  questionnaire: { url: string; version: string };
  /** The first moment the form can no longer be answered (restriction.period.end). */
  closesAt: Date | null;
  /** Shown to the citizen; a notice never carries it. */
  description: string | null;
  /** The sender's representative-access code (9603), null when it gave none: who besides the citizen sees the form. */
  representativeAccess: RepresentativeAccess | null;
}
