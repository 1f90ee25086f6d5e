import { describe, expect, test } from 'vitest';
import { canMoveTask, isTaskOpen, taskStatesBefore } from './task-status.ts';

describe('A form order moves only forward', () => {
  test('an order is opened, then completed', () => {
    expect(canMoveTask('requested', 'in-progress')).toBe(true);
    expect(canMoveTask('in-progress', 'completed')).toBe(true);
  });

  test('a submitted, expired or cancelled order never moves again', () => {
    for (const final of ['completed', 'failed', 'cancelled'] as const) {
      for (const to of ['requested', 'in-progress', 'completed', 'failed', 'cancelled'] as const) expect(canMoveTask(final, to)).toBe(false);
    }
  });

  test('an opened order does not go back to requested', () => {
    expect(canMoveTask('in-progress', 'requested')).toBe(false);
  });

  test('expiry and cancelling reach an order that is waiting or opened', () => {
    expect(taskStatesBefore('failed')).toEqual(['requested', 'in-progress']);
    expect(taskStatesBefore('cancelled')).toEqual(['requested', 'in-progress']);
  });

  test('the citizen can answer only a waiting or opened order', () => {
    expect(isTaskOpen('requested')).toBe(true);
    expect(isTaskOpen('completed')).toBe(false);
    expect(isTaskOpen('failed')).toBe(false);
  });
});
