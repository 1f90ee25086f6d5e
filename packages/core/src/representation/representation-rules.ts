/**
 * Who may act for whom, and which of a person's items each viewer sees: one table,
 * the law as the national portal applies it. Ages are whole years on the Oslo
 * calendar day of the moment asked (`ageOn`), so a 16th birthday ends a parent's
 * access at midnight Oslo time, the same day.
 */
import { ageOn, inOslo } from '../delivery/oslo-time.ts';

/**
 * Helsenorge's code system 9603, as a sender marks an item (the extension
 * `urn:innboks:extension:representative-access`): `N` the person and their
 * representatives; `NORN_FORANS` hidden from parents, only the young person;
 * `NORN_UNGDOM` only the parents, not the young person.
 */
export const representativeAccessCodes = ['N', 'NORN_FORANS', 'NORN_UNGDOM'] as const;
export type RepresentativeAccess = (typeof representativeAccessCodes)[number];

export function isRepresentativeAccess(value: unknown): value is RepresentativeAccess {
  return typeof value === 'string' && (representativeAccessCodes as readonly string[]).includes(value);
}

/** `FO` parental responsibility, `FU` power of attorney, `VE` guardianship (from the register). */
export const representationRelations = ['FO', 'FU', 'VE'] as const;
export type RepresentationRelation = (typeof representationRelations)[number];
/** Who acts: the person themselves, or a representative by one relation. */
export type Acting = 'self' | RepresentationRelation;

export const representationAges = {
  /** From this age a parent sees only what the sender opened to parents. */
  youngPerson: 12,
  /** On this birthday parental responsibility's access ends. */
  parentalAccessEnds: 16,
  /** The youngest who may give a power of attorney. */
  givesPowerOfAttorney: 16,
  /** The youngest who may hold one. */
  holdsPowerOfAttorney: 18,
} as const;

/**
 * Which of a person's items a viewer sees, as the stored codes: `unmarked` for items
 * the sender gave no code, and the codes listed. `none` when the viewer sees nothing.
 */
export type ItemVisibility = { unmarked: boolean; codes: readonly RepresentativeAccess[] } | 'none';

/**
 * The rule table. `personAge` is the represented person's (or, for `self`, the
 * viewer's own) age now.
 * - self: everything but parent-only items (`NORN_UNGDOM` belongs to the parents).
 * - FO under 12: everything but `NORN_FORANS`.
 * - FO 12–15: only `N` and `NORN_UNGDOM`, as the sender marked them; unmarked is hidden
 *   (the default for this age, SENDER-API "Representation").
 * - FO 16 or more: nothing (the relation gives no access).
 * - FU, VE: what the person sees, never more.
 */
export function itemsVisibleTo(acting: Acting, personAge: number): ItemVisibility {
  const asThePerson: ItemVisibility = { unmarked: true, codes: ['N', 'NORN_FORANS'] };
  switch (acting) {
    case 'self':
    case 'FU':
    case 'VE':
      return asThePerson;
    case 'FO':
      if (personAge < representationAges.youngPerson) return { unmarked: true, codes: ['N', 'NORN_UNGDOM'] };
      if (personAge < representationAges.parentalAccessEnds) return { unmarked: false, codes: ['N', 'NORN_UNGDOM'] };
      return 'none';
  }
}

/** Whether one item, by its stored code (null: unmarked), is visible under `visibility`. */
export function isVisible(visibility: ItemVisibility, code: RepresentativeAccess | null): boolean {
  if (visibility === 'none') return false;
  return code === null ? visibility.unmarked : visibility.codes.includes(code);
}

export interface RepresentationFacts {
  relation: RepresentationRelation;
  representative: { birthDate: string | null; confidentialAddress: boolean };
  person: { birthDate: string | null; confidentialAddress: boolean };
  /** For a power of attorney: the last day it holds (inclusive, Oslo), or null for open-ended. */
  validUntil?: string | null;
}

export type RepresentationRefusal = 'confidential-address' | 'too-old' | 'too-young' | 'expired' | 'unknown-age';
export type RepresentationDecision = { allowed: true; personAge: number } | { allowed: false; reason: RepresentationRefusal };

/**
 * May the representative act for the person at `at`? Checked on every request, so a
 * relation that ended — a 16th birthday, a power of attorney ended or run out — ends
 * access at once. A confidential address on either side refuses; the reason given to
 * the other person never names whose address it is.
 */
export function mayActFor(facts: RepresentationFacts, at: Date): RepresentationDecision {
  if (facts.representative.confidentialAddress || facts.person.confidentialAddress) return { allowed: false, reason: 'confidential-address' };
  const personAge = ageOn(facts.person.birthDate, at);
  if (personAge === undefined) return { allowed: false, reason: 'unknown-age' };
  if (facts.relation === 'FO') {
    return personAge < representationAges.parentalAccessEnds ? { allowed: true, personAge } : { allowed: false, reason: 'too-old' };
  }
  if (facts.relation === 'FU') {
    const refused = powerOfAttorneyRefusal(facts, at);
    if (refused) return { allowed: false, reason: refused };
    if (facts.validUntil && inOslo(at).toPlainDate().toString() > facts.validUntil) return { allowed: false, reason: 'expired' };
  }
  return { allowed: true, personAge };
}

/** Whether a person may give the holder a power of attorney now (16 or more to 18 or more, no confidential address). */
export function powerOfAttorneyRefusal(facts: Omit<RepresentationFacts, 'relation' | 'validUntil'>, at: Date): RepresentationRefusal | undefined {
  if (facts.representative.confidentialAddress || facts.person.confidentialAddress) return 'confidential-address';
  const giverAge = ageOn(facts.person.birthDate, at);
  const holderAge = ageOn(facts.representative.birthDate, at);
  if (giverAge === undefined || holderAge === undefined) return 'unknown-age';
  if (giverAge < representationAges.givesPowerOfAttorney || holderAge < representationAges.holdsPowerOfAttorney) return 'too-young';
  return undefined;
}

/**
 * Whether the person sees the representatives' log ("Logg over bruk"): an adult at once,
 * a child from 16 (before that the log is kept and shown when they turn 16).
 */
export function seesRepresentativesLog(personAge: number): boolean {
  return personAge >= representationAges.parentalAccessEnds;
}
