/** Calendar and clock rules in Norway's time zone, correct across daylight-saving changes. */
import { Temporal } from 'temporal-polyfill';

import { osloTimeZone } from '../time/working-day.ts';
export { osloTimeZone };

export function inOslo(at: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(osloTimeZone);
}

export function toDate(zoned: Temporal.ZonedDateTime): Date {
  return new Date(zoned.epochMilliseconds);
}

/** The same wall-clock time `days` calendar days later in Oslo (95 or 97 real hours over a DST change). */
export function addOsloDays(at: Date, days: number): Date {
  return toDate(inOslo(at).add({ days }));
}

/**
 * Whole years of age on the Oslo calendar day of `at`; undefined for a missing or bad
 * birth date. A birthday on 29 February counts from 1 March in other years.
 * (Plain arithmetic on the calendar date: a batch of letters asks this for one `at`
 * many times, and the Oslo day of the last `at` is remembered.)
 */
export function ageOn(birthDate: string | null | undefined, at: Date): number | undefined {
  const birth = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!birth) return undefined;
  const [year, month, day] = [Number(birth[1]), Number(birth[2]), Number(birth[3])];
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
  const today = osloDay(at);
  const before = today.month < month || (today.month === month && today.day < day);
  const age = today.year - year - (before ? 1 : 0);
  return age < 0 ? undefined : age;
}

let lastDay: { at: number; day: { year: number; month: number; day: number } } | undefined;

function osloDay(at: Date): { year: number; month: number; day: number } {
  if (lastDay?.at !== at.getTime()) {
    const zoned = inOslo(at);
    lastDay = { at: at.getTime(), day: { year: zoned.year, month: zoned.month, day: zoned.day } };
  }
  return lastDay.day;
}
