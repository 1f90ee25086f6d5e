/**
 * Working days in Norway: Monday to Friday that is not a public holiday, by the
 * calendar in Europe/Oslo. Municipal services promise an answer on the first working
 * day after a message is sent.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

export const osloTimeZone = 'Europe/Oslo';

const norway = new Holidays('NO');
const holidaysByYear = new Map<number, Set<string>>();

/** Norwegian public holidays ("helligdager" and 1 and 17 May) of a year, as YYYY-MM-DD. */
export function norwegianPublicHolidays(year: number): Set<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      (norway.getHolidays(year) || [])
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** True for Monday–Friday that is not a Norwegian public holiday. */
export function isWorkingDay(date: string | Temporal.PlainDate): boolean {
  const day = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  if (day.dayOfWeek >= 6) return false;
  return !norwegianPublicHolidays(day.year).has(day.toString());
}

/** The calendar date (YYYY-MM-DD) of an instant in Oslo. */
export function osloDate(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(osloTimeZone).toPlainDate().toString();
}

/** The first working day after the Oslo date of `sentAt`, as YYYY-MM-DD. */
export function firstWorkingDayAfter(sentAt: Date): string {
  let day = Temporal.PlainDate.from(osloDate(sentAt)).add({ days: 1 });
  while (!isWorkingDay(day)) day = day.add({ days: 1 });
  return day.toString();
}
