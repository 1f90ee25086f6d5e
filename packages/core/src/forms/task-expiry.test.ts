import { describe, expect, test } from 'vitest';
import { isTaskExpired, taskClosesAt } from './task-expiry.ts';

describe('When an ordered form closes', () => {
  test('a last day in winter closes at midnight in Oslo, 23:00 UTC', () => {
    expect(taskClosesAt('2026-01-15')?.toISOString()).toBe('2026-01-15T23:00:00.000Z');
  });

  test('a last day just before summer time starts closes at the midnight of a 23-hour day', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; the next midnight is still 22:00 UTC.
    expect(taskClosesAt('2026-03-28')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(taskClosesAt('2026-03-29')?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  test('a last day on the day summer time ends closes after a 25-hour day', () => {
    // 25 October 2026: clocks go from 03:00 back to 02:00.
    expect(taskClosesAt('2026-10-24')?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(taskClosesAt('2026-10-25')?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  test('an instant with its offset closes exactly then', () => {
    expect(taskClosesAt('2026-03-29T01:30:00+01:00')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  test('a date that does not exist or an instant without offset is no closing time', () => {
    expect(taskClosesAt('2026-02-30')).toBeUndefined();
    expect(taskClosesAt('2026-03-29T12:00:00')).toBeUndefined();
    expect(taskClosesAt('next week')).toBeUndefined();
  });

  test('the form is closed from the closing moment on, not a millisecond before', () => {
    const closes = new Date('2026-03-29T22:00:00.000Z');
    expect(isTaskExpired(closes, new Date('2026-03-29T21:59:59.999Z'))).toBe(false);
    expect(isTaskExpired(closes, closes)).toBe(true);
    expect(isTaskExpired(null, closes)).toBe(false);
  });
});
