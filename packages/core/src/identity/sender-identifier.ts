/**
 * One rule for every resource a sender names by its own identifier (letters,
 * appointments, enrolments, form orders): sending the same identifier again for the
 * same citizen is a repeat, answered with what is stored; for another citizen it is
 * a mistake in the sender's system, refused, because answering with the first would
 * silently lose the second citizen's item and moving the first would show one
 * citizen's item to another.
 */
export type IdentifierReuse = 'repeat' | 'other-citizen';

export function identifierReuse(storedForNationalId: string, sentForNationalId: string): IdentifierReuse {
  return storedForNationalId === sentForNationalId ? 'repeat' : 'other-citizen';
}

/** What the refusal says, the same for every resource type. */
export const identifierOfOtherCitizenMessage =
  'This identifier is already used for another citizen; an identifier names one item for one citizen and is never reused';
