/**
 * A letter's status — what its sender reads back as the FHIR Communication.status —
 * only moves forward, in this order:
 *
 *   in-progress  while it is being delivered;
 *   not-done     every channel of its plan failed;
 *   completed    a channel delivered it.
 *
 * completed comes after not-done because an operator's replay of a dead letter may
 * still deliver a letter that had failed everywhere. Nothing goes back to in-progress,
 * and completed is final: a late step of delivery (a retry, a channel that failed
 * after another delivered) must not make a delivered letter look undelivered.
 */
export const letterStatuses = ['in-progress', 'not-done', 'completed'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

/** True when `to` is a later status than `from`: the only moves a letter's status makes. */
export function letterStatusCanMoveTo(from: LetterStatus, to: LetterStatus): boolean {
  return letterStatuses.indexOf(to) > letterStatuses.indexOf(from);
}

/**
 * The status a message starts with: a letter to the citizen is on its way; a message
 * the citizen writes has reached its organisation when it is saved (it reads it in
 * its shared inbox or by FHIR search), so it starts completed — unless it is carried
 * to the organisation (`carried`: an answer sent as a Dialogmelding), which is on its
 * way until the organisation's receipt says it arrived (completed) or was refused
 * (not-done).
 */
export function firstLetterStatus(direction: 'to-citizen' | 'from-citizen', carried = false): LetterStatus {
  return direction === 'to-citizen' || carried ? 'in-progress' : 'completed';
}

/** What an organisation's application receipt for a carried message makes of its status: 1 and 3 arrived, 2 refused. */
export function letterStatusOfReceipt(status: '1' | '2' | '3'): LetterStatus {
  return status === '2' ? 'not-done' : 'completed';
}
