import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('Date formatting', () => {
  test('Shows the Oslo date, not the UTC date, late in the evening', () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo (UTC+1 in winter).
    expect(formatDate('2025-12-31T23:30:00Z')).toMatch(/^1\. jan\.? 2026$/);
  });

  test('Shows summer time (UTC+2) after the daylight-saving change', () => {
    expect(formatDateTime('2026-03-29T12:00:00Z')).toContain('14:00');
  });

  test('Shows winter time (UTC+1) before it', () => {
    expect(formatDateTime('2026-03-28T12:00:00Z')).toContain('13:00');
  });

  test('Leaves an unreadable date as it was', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });
});
