/**
 * No SMS at night: between the start and end of quiet hours (default 22:00–08:00
 * Oslo time) an SMS is held until the end. Times are Oslo wall-clock times, so the
 * hold is 7 or 9 real hours on the nights the clocks change.
 */
import { Temporal } from 'temporal-polyfill';
import { inOslo, osloTimeZone, toDate } from './oslo-time.ts';

export interface QuietHours {
  start: Temporal.PlainTime;
  end: Temporal.PlainTime;
}

/** "22:00-08:00" → quiet hours; "" or "off" → none. Throws on anything else. */
export function parseQuietHours(text: string): QuietHours | null {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'none') return null;
  const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`Quiet hours must look like 22:00-08:00, not "${text}"`);
  const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, number, number, number, number];
  const start = Temporal.PlainTime.from({ hour: startHour, minute: startMinute }, { overflow: 'reject' });
  const end = Temporal.PlainTime.from({ hour: endHour, minute: endMinute }, { overflow: 'reject' });
  if (Temporal.PlainTime.compare(start, end) === 0) throw new Error('Quiet hours must not start and end at the same time');
  return { start, end };
}

export function isQuiet(at: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const time = inOslo(at).toPlainTime();
  const afterStart = Temporal.PlainTime.compare(time, quiet.start) >= 0;
  const beforeEnd = Temporal.PlainTime.compare(time, quiet.end) < 0;
  return wrapsMidnight(quiet) ? afterStart || beforeEnd : afterStart && beforeEnd;
}

/** `at` itself when it is not quiet, else the moment quiet hours end. */
export function endOfQuietHours(at: Date, quiet: QuietHours | null): Date {
  if (!quiet || !isQuiet(at, quiet)) return at;
  const local = inOslo(at);
  const afterStart = Temporal.PlainTime.compare(local.toPlainTime(), quiet.start) >= 0;
  const day = wrapsMidnight(quiet) && afterStart ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  return toDate(day.toZonedDateTime({ timeZone: osloTimeZone, plainTime: quiet.end }));
}

function wrapsMidnight(quiet: QuietHours): boolean {
  return Temporal.PlainTime.compare(quiet.start, quiet.end) > 0;
}
