/**
 * "At least 24 hours before": 24 real hours, counted on the clock in Europe/Oslo, so
 * the deadline is right across daylight-saving changes (an appointment at 10:00 on
 * the day summer time starts has its deadline at 09:00 the day before).
 */
import { Temporal } from 'temporal-polyfill';

import { osloTimeZone } from '../time/working-day.ts';
export { osloTimeZone };

/** How long before the start a citizen must say the time does not suit to avoid the fee. */
export const replyNotice = Temporal.Duration.from({ hours: 24 });

const toZoned = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(osloTimeZone);

/** The last moment to say the time does not suit without the no-show fee. */
export function replyDeadline(start: Date): Date {
  // Hours are exact time in Temporal: subtracting them counts real elapsed time, not wall-clock time.
  return new Date(toZoned(start).subtract(replyNotice).epochMilliseconds);
}

/** A wall-clock time in Oslo as an instant ('2026-03-29T10:00'); a time in the spring gap moves forward. */
export function osloWallTime(local: string): Date {
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(osloTimeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The Oslo wall-clock time of an instant, 'YYYY-MM-DDTHH:mm'. */
export function osloWallTimeOf(instant: Date): string {
  return toZoned(instant).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The Oslo calendar date of an instant, 'YYYY-MM-DD' (what the fee schedule is dated by). */
export function osloDateOf(instant: Date): string {
  return toZoned(instant).toPlainDate().toString();
}
