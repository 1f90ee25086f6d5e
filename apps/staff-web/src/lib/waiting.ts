const units = new Map<string, Intl.NumberFormat>();

function unit(locale: string, name: 'day' | 'hour' | 'minute', value: number): string {
  const key = `${locale}|${name}`;
  let cached = units.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
    units.set(key, cached);
  }
  return cached.format(value);
}

/**
 * "3 t 20 min", "2 d 4 t": how long something has waited, in the language's own unit
 * words; undefined under a minute, where a number of minutes would say "0 min".
 */
export function formatWaiting(sinceIso: string, locale: string, now = Date.now()): string | undefined {
  const minutes = Math.floor((now - Date.parse(sinceIso)) / 60_000);
  if (!(minutes >= 1)) return undefined;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${unit(locale, 'day', days)} ${unit(locale, 'hour', hours)}`;
  if (hours > 0) return `${unit(locale, 'hour', hours)} ${unit(locale, 'minute', minutes % 60)}`;
  return unit(locale, 'minute', minutes);
}
