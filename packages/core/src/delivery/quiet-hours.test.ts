import { describe, expect, test } from 'vitest';
import { endOfQuietHours, isQuiet, parseQuietHours } from './quiet-hours.ts';

const quiet = parseQuietHours('22:00-08:00');

describe('Quiet hours (Oslo time)', () => {
  test('an SMS due at 21:59 goes at once, one due at 22:00 waits until 08:00 the next morning', () => {
    // 2026-06-10 is summer time, UTC+2.
    expect(endOfQuietHours(new Date('2026-06-10T19:59:00Z'), quiet)).toEqual(new Date('2026-06-10T19:59:00Z'));
    expect(endOfQuietHours(new Date('2026-06-10T20:00:00Z'), quiet)).toEqual(new Date('2026-06-11T06:00:00Z'));
  });

  test('an SMS due after midnight waits until 08:00 the same morning, and 08:00 itself is not quiet', () => {
    expect(endOfQuietHours(new Date('2026-06-11T01:30:00Z'), quiet)).toEqual(new Date('2026-06-11T06:00:00Z'));
    expect(isQuiet(new Date('2026-06-11T06:00:00Z'), quiet)).toBe(false);
    expect(isQuiet(new Date('2026-06-11T05:59:59Z'), quiet)).toBe(true);
  });

  test('on the night clocks go forward (29 March 2026) the hold ends at 08:00 summer time, an hour sooner in real time', () => {
    // 22:30 on 28 March is 21:30Z (UTC+1); 08:00 on 29 March is 06:00Z (UTC+2): 8.5 real hours, not 9.5.
    const held = endOfQuietHours(new Date('2026-03-28T21:30:00Z'), quiet);
    expect(held).toEqual(new Date('2026-03-29T06:00:00Z'));
    expect((held.getTime() - new Date('2026-03-28T21:30:00Z').getTime()) / 3_600_000).toBe(8.5);
  });

  test('on the night clocks go back (25 October 2026) the hold ends at 08:00 winter time, an hour later in real time', () => {
    // 22:30 on 24 October is 20:30Z (UTC+2); 08:00 on 25 October is 07:00Z (UTC+1): 10.5 real hours.
    const held = endOfQuietHours(new Date('2026-10-24T20:30:00Z'), quiet);
    expect(held).toEqual(new Date('2026-10-25T07:00:00Z'));
    expect((held.getTime() - new Date('2026-10-24T20:30:00Z').getTime()) / 3_600_000).toBe(10.5);
  });

  test('quiet hours can be switched off, or set to a span that does not cross midnight', () => {
    expect(parseQuietHours('off')).toBeNull();
    expect(endOfQuietHours(new Date('2026-06-10T23:00:00Z'), null)).toEqual(new Date('2026-06-10T23:00:00Z'));
    const lunch = parseQuietHours('12:00-13:00');
    expect(isQuiet(new Date('2026-06-10T10:30:00Z'), lunch)).toBe(true);
    expect(endOfQuietHours(new Date('2026-06-10T10:30:00Z'), lunch)).toEqual(new Date('2026-06-10T11:00:00Z'));
    expect(() => parseQuietHours('late')).toThrow(/22:00-08:00/);
  });
});
