import { describe, expect, test } from 'vitest';
import { hourSlots, spreadOverHours } from './hour-slots.ts';

describe('the hours an operator chart shows', () => {
  test('a day is 24 whole hours ending with the hour that holds now', () => {
    const slots = hourSlots(new Date('2026-12-05T10:42:00Z'), 24);
    expect(slots).toHaveLength(24);
    expect(slots[0]!.toISOString()).toBe('2026-12-04T11:00:00.000Z');
    expect(slots[23]!.toISOString()).toBe('2026-12-05T10:00:00.000Z');
  });

  test('an hour with nothing in it shows zero for every series, and rows outside the window are left out', () => {
    const slots = hourSlots(new Date('2026-12-05T10:42:00Z'), 3);
    const spread = spreadOverHours(
      slots,
      [
        { hour: new Date('2026-12-05T08:00:00Z'), channel: 'sms', letters: 4 },
        { hour: new Date('2026-12-05T10:00:00Z'), channel: 'inbox', letters: 7 },
        { hour: new Date('2026-12-01T10:00:00Z'), channel: 'paper', letters: 9 },
      ],
      (row) => row.channel,
      (row) => row.letters,
    );
    expect(spread.map((point) => point.values)).toEqual([
      { inbox: 0, paper: 0, sms: 4 },
      { inbox: 0, paper: 0, sms: 0 },
      { inbox: 7, paper: 0, sms: 0 },
    ]);
  });
});
