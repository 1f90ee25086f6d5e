/** Every time staff see is Norwegian time. */
const dateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** `2026-04-07` → `tirsdag 7. april`. */
export const formatDay = (isoDay: string) => day.format(new Date(`${isoDay}T12:00:00Z`));

/** "3 t 20 min", "2 d 4 t": how long something has waited. */
export function formatWaiting(sinceIso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} t`;
  if (hours > 0) return `${hours} t ${minutes % 60} min`;
  return `${minutes} min`;
}
