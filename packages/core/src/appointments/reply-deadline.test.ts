import { describe, expect, test } from 'vitest';
import { osloDateOf, osloWallTime, osloWallTimeOf, replyDeadline } from './reply-deadline.ts';

const deadlineFor = (start: string) => osloWallTimeOf(replyDeadline(osloWallTime(start)));

describe('The 24-hour deadline, in Europe/Oslo', () => {
  test('is the same wall-clock time the day before on an ordinary day', () => {
    expect(deadlineFor('2026-05-12T10:00')).toBe('2026-05-11T10:00');
  });

  test('falls at 09:00 for a 10:00 appointment on the day summer time starts (2026-03-29)', () => {
    expect(deadlineFor('2026-03-29T10:00')).toBe('2026-03-28T09:00');
    expect(replyDeadline(osloWallTime('2026-03-29T10:00')).toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  test('falls at 11:00 for a 10:00 appointment on the day summer time ends (2026-10-25)', () => {
    expect(deadlineFor('2026-10-25T10:00')).toBe('2026-10-24T11:00');
    expect(replyDeadline(osloWallTime('2026-10-25T10:00')).toISOString()).toBe('2026-10-24T09:00:00.000Z');
  });

  test('is exactly 24 real hours before the start, also across the changes', () => {
    for (const start of ['2026-03-29T10:00', '2026-03-30T02:30', '2026-10-25T10:00', '2026-10-26T02:30']) {
      const at = osloWallTime(start);
      expect(at.getTime() - replyDeadline(at).getTime()).toBe(24 * 3_600_000);
    }
  });

  test('crosses midnight and the new year', () => {
    expect(deadlineFor('2026-01-01T00:00')).toBe('2025-12-31T00:00');
    expect(deadlineFor('2026-06-02T00:15')).toBe('2026-06-01T00:15');
  });

  test('lands on the leap day and steps over it', () => {
    expect(deadlineFor('2028-03-01T08:00')).toBe('2028-02-29T08:00');
    expect(deadlineFor('2028-02-29T13:30')).toBe('2028-02-28T13:30');
    expect(deadlineFor('2027-03-01T08:00')).toBe('2027-02-28T08:00');
  });

  test('an appointment in the hour after the spring gap has its deadline before the clocks changed', () => {
    // 2026-03-29 03:30 CEST is 01:30Z; 24 h earlier is 02:30 CET the day before.
    expect(deadlineFor('2026-03-29T03:30')).toBe('2026-03-28T02:30');
    // 2026-03-30 02:30 CEST: the day before at 02:30 did not exist; 24 real hours back is 01:30.
    expect(deadlineFor('2026-03-30T02:30')).toBe('2026-03-29T01:30');
  });

  test('dates an appointment by its Oslo calendar day, not UTC', () => {
    expect(osloDateOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(osloDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(osloDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
