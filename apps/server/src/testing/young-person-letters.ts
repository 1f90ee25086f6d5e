/**
 * Letters to the demo's young person (Jonas, 12–15), one of each way a sender may mark
 * them for parents (SENDER-API "Representation"): the tests send them through the
 * sender API, so each test sees the access codes at work.
 */
export const youngPersonLetters: { subject: string; code: 'N' | 'NORN_UNGDOM' | null }[] = [
  { subject: 'Svar på blodprøve', code: 'N' },
  { subject: 'Samtale på helsestasjon for ungdom', code: null },
  { subject: 'Egenandel for foreldre', code: 'NORN_UNGDOM' },
];

/** The FHIR overrides of one of them: its subject and, when it has one, its code. */
export function youngPersonLetterFields(letter: (typeof youngPersonLetters)[number]): Record<string, unknown> {
  return {
    topic: { text: letter.subject },
    ...(letter.code ? { extension: [{ url: 'urn:innboks:extension:representative-access', valueCode: letter.code }] } : {}),
  };
}
