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

/** Whole years of age on the Oslo calendar day of `at`; undefined for a missing or bad birth date. */
export function ageOn(birthDate: string | null | undefined, at: Date): number | undefined {
  if (!birthDate) return undefined;
  try {
    const birth = Temporal.PlainDate.from(birthDate);
    const today = inOslo(at).toPlainDate();
    if (Temporal.PlainDate.compare(birth, today) > 0) return undefined;
    return birth.until(today, { largestUnit: 'years' }).years;
  } catch {
    return undefined;
  }
}
