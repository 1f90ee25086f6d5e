/** A calendar day (YYYY-MM-DD, Oslo) as the citizen reads it: "tirsdag 7. april 2026". */
export function formatDay(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
