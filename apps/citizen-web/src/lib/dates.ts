/** Every date the citizen sees is Norwegian time, wherever the browser is. */
export const displayTimeZone = 'Europe/Oslo';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, {
      timeZone: displayTimeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(style === 'dateTime' ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

function format(iso: string, locale: string, style: 'date' | 'dateTime'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, style).format(date);
}

/** `12. mars 2026` style (short month), in Oslo time. */
export function formatDate(iso: string, locale = 'nb-NO'): string {
  return format(iso, locale, 'date');
}

/** `12. mars 2026, 14:05` style, in Oslo time. */
export function formatDateTime(iso: string, locale = 'nb-NO'): string {
  return format(iso, locale, 'dateTime');
}
