import { describe, expect, test } from 'vitest';
import { formatAmount, formatFullDateTime, formatTime } from './format.ts';

describe('Appointment times in words', () => {
  test('the deadline before a DST-day appointment reads as Oslo time, weekday and all', () => {
    expect(formatFullDateTime('2026-03-28T08:00:00.000Z', 'nb-NO')).toBe('lørdag 28. mars 2026 kl. 09:00');
    expect(formatFullDateTime('2026-10-24T09:00:00.000Z', 'nb-NO')).toBe('lørdag 24. oktober 2026 kl. 11:00');
  });

  test('times and amounts', () => {
    expect(formatTime('2026-03-29T08:30:00.000Z', 'nb-NO')).toBe('10:30');
    expect(formatAmount(1993, 'nb-NO').replace(/\s/g, ' ')).toBe('1 993');
  });
});
