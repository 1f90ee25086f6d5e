/**
 * A channel attempt's state moves only forward: queued → sending → delivered → read,
 * or to failed or skipped. A final state never moves back; the one exception is the
 * citizen reading a letter, which is recorded as `read` whatever came before.
 */
export const attemptStates = ['queued', 'sending', 'delivered', 'read', 'failed', 'skipped'] as const;
export type AttemptState = (typeof attemptStates)[number];

const from: Record<AttemptState, readonly AttemptState[]> = {
  queued: [],
  sending: ['queued'],
  delivered: ['queued', 'sending'],
  read: ['queued', 'sending', 'delivered', 'failed', 'skipped'],
  failed: ['queued', 'sending'],
  skipped: ['queued', 'sending'],
};

/** The states an attempt may be in for a move to `to`. */
export function statesBefore(to: AttemptState): readonly AttemptState[] {
  return from[to];
}

export function canMove(current: AttemptState, to: AttemptState): boolean {
  return from[to].includes(current);
}

export function isFinal(state: AttemptState): boolean {
  return state === 'delivered' || state === 'read' || state === 'failed' || state === 'skipped';
}
