/**
 * When an ordered form can no longer be answered. `restriction.period.end` may be an
 * instant (with its offset) or a calendar date; a date means the whole of that day in
 * Norway, so the form closes at the next midnight in Europe/Oslo — 23:00 UTC in winter,
 * 22:00 UTC in summer, whichever the date falls in.
 */
import { Temporal } from 'temporal-polyfill';
import { osloTimeZone } from '../time/working-day.ts';

/** The first moment the form is closed, or undefined when `end` is neither a date nor an instant with offset. */
export function taskClosesAt(end: string): Date | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(end)) {
    try {
      const day = Temporal.PlainDate.from(end, { overflow: 'reject' });
      return new Date(day.add({ days: 1 }).toZonedDateTime({ timeZone: osloTimeZone }).epochMilliseconds);
    } catch {
      return undefined;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(end)) return undefined;
  const at = new Date(end);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Closed at and after the closing moment. */
export function isTaskExpired(closesAt: Date | null, now: Date): boolean {
  return closesAt !== null && now.getTime() >= closesAt.getTime();
}
