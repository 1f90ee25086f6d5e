import { describe, expect, test } from 'vitest';
import { attemptStates, canMove, isFinal } from './attempt-state.ts';

describe('Attempt states', () => {
  test('a final state never moves back, except that a citizen reading the letter is always recorded', () => {
    for (const from of attemptStates.filter(isFinal)) {
      for (const to of attemptStates) {
        if (to === 'read' && from !== 'read') expect(canMove(from, to)).toBe(true);
        else expect(canMove(from, to)).toBe(false);
      }
    }
    expect(canMove('queued', 'sending')).toBe(true);
    expect(canMove('sending', 'delivered')).toBe(true);
    expect(canMove('sending', 'queued')).toBe(false);
  });
});
