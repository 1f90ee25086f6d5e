import { expect, test } from 'vitest';
import { formatWaiting } from './waiting.ts';

const now = Date.parse('2026-12-04T12:00:00Z');

test('how long a message has waited, with no "0 min"', () => {
  expect(formatWaiting('2026-12-04T11:59:30Z', 'nb-NO', now)).toBeUndefined();
  expect(formatWaiting('2026-12-04T11:45:00Z', 'nb-NO', now)?.replace(/\s/g, ' ')).toBe('15 min');
  expect(formatWaiting('2026-12-04T08:40:00Z', 'nb-NO', now)?.replace(/\s/g, ' ')).toBe('3 t 20 min');
  expect(formatWaiting('2026-12-02T08:00:00Z', 'nb-NO', now)?.replace(/\s/g, ' ')).toBe('2 d 4 t');
});
