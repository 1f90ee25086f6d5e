/**
 * Every date either app shows, in one way: Norwegian time wherever the browser is, in
 * the page's language, by `Intl`.
 *
 * - `formatWhen`: when something happened, short. Today's with the time ("i dag 23:46"),
 *   this year's without the year ("4. des."), older ones with it ("4. des. 2025").
 * - `formatWhenWithTime`: the same, always with the time ("4. des., 23:46"), where the
 *   moment matters (a message in a thread, a read in the access log).
 * - `formatFullDateTime` / `formatFullDay`: written out with the weekday and year
 *   ("fredag 4. desember 2026 kl. 23:46"), where a deadline or an appointment is concerned.
 */
export const displayTimeZone = 'Europe/Oslo';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether this runtime has the language's calendar words. A browser without them
 * (Chromium has none for Northern Sami or Nynorsk) would write month and weekday names
 * in another language, so there such a date is written in figures, in the Norwegian
 * order ("01.07.2027, 00:00"), never in another language's words.
 */
export function hasCalendarWords(locale: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;
}

/** Whether a format writes words (month or weekday names) rather than only figures. */
const writesWords = ({ dateStyle, weekday, month }: Intl.DateTimeFormatOptions): boolean =>
  dateStyle !== undefined || weekday !== undefined || month === 'long' || month === 'short' || month === 'narrow';

const inFigures = ({ dateStyle, timeStyle, weekday: _weekday, day, month, year, ...rest }: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions => ({
  ...rest,
  ...(dateStyle || day ? { day: '2-digit' as const } : {}),
  ...(dateStyle || month ? { month: '2-digit' as const } : {}),
  ...(dateStyle || year ? { year: 'numeric' as const } : {}),
  ...(timeStyle ? { hour: '2-digit' as const, minute: '2-digit' as const } : {}),
});

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached =
      writesWords(options) && !hasCalendarWords(locale)
        ? new Intl.DateTimeFormat('nb-NO', { timeZone: displayTimeZone, ...inFigures(options) })
        : new Intl.DateTimeFormat(locale, { timeZone: displayTimeZone, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

const relativeDays = new Map<string, Intl.RelativeTimeFormat>();

/** "i dag", "today": the language's own word for the day, from `Intl`. */
function todayWord(locale: string): string {
  let cached = relativeDays.get(locale);
  if (!cached) {
    cached = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeDays.set(locale, cached);
  }
  return cached.format(0, 'day');
}

/** The Oslo calendar day of a moment as `YYYY-MM-DD` (the Canadian English format is ISO). */
function osloDay(date: Date): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const dayMonth: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const dayMonthYear: Intl.DateTimeFormatOptions = { ...dayMonth, year: 'numeric' };

function when(iso: string, locale: string, now: Date, withTime: boolean): string {
  const date = parse(iso);
  if (!date) return iso;
  const day = osloDay(date);
  const today = osloDay(now);
  if (day === today) return `${todayWord(locale)} ${formatter(locale, time).format(date)}`;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const options = sameYear ? dayMonth : dayMonthYear;
  return formatter(locale, withTime ? { ...options, ...time } : options).format(date);
}

/** "i dag 23:46", "4. des.", "4. des. 2025". */
export function formatWhen(iso: string, locale: string, now: Date = new Date()): string {
  return when(iso, locale, now, false);
}

/** "i dag 23:46", "4. des., 23:46", "4. des. 2025, 23:46". */
export function formatWhenWithTime(iso: string, locale: string, now: Date = new Date()): string {
  return when(iso, locale, now, true);
}

/** "fredag 4. desember 2026 kl. 23:46": a deadline or an appointment. */
export function formatFullDateTime(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date) : iso;
}

/** A calendar day (`YYYY-MM-DD`, Oslo) written out: "tirsdag 7. april 2026". */
export function formatFullDay(isoDay: string, locale: string): string {
  // Noon UTC is the same calendar day in Oslo in summer and winter.
  const date = parse(`${isoDay}T12:00:00Z`);
  return date ? formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date) : isoDay;
}

/** "09:30". */
export function formatTime(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? formatter(locale, time).format(date) : iso;
}
