import { describe, expect, test } from 'vitest';
import { noticeDueAt } from './notices.ts';
import { parseQuietHours } from './quiet-hours.ts';

const window = 15 * 60_000;
const quietHours = parseQuietHours('22:00-08:00');

describe('Notice timing', () => {
  test('the first notice goes at once; the next waits until the window since the last one has passed', () => {
    const now = new Date('2026-06-10T10:00:00Z');
    expect(noticeDueAt({ now, channel: 'email', lastNoticeAt: null, windowMs: window, quietHours })).toEqual(now);
    expect(noticeDueAt({ now, channel: 'email', lastNoticeAt: new Date('2026-06-10T09:50:00Z'), windowMs: window, quietHours })).toEqual(
      new Date('2026-06-10T10:05:00Z'),
    );
    expect(noticeDueAt({ now, channel: 'email', lastNoticeAt: new Date('2026-06-10T09:00:00Z'), windowMs: window, quietHours })).toEqual(now);
  });

  test('an SMS whose window ends at night waits until 08:00; an e-mail does not', () => {
    const now = new Date('2026-06-10T19:50:00Z'); // 21:50 Oslo
    const last = new Date('2026-06-10T19:45:00Z');
    expect(noticeDueAt({ now, channel: 'sms', lastNoticeAt: last, windowMs: window, quietHours })).toEqual(new Date('2026-06-11T06:00:00Z'));
    expect(noticeDueAt({ now, channel: 'email', lastNoticeAt: last, windowMs: window, quietHours })).toEqual(new Date('2026-06-10T20:00:00Z'));
  });
});
