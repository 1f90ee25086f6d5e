/** Appointment times in words, always Norwegian time. */
import { displayTimeZone } from '../../lib/dates.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${key}`;
  let cached = cache.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone: displayTimeZone, ...options });
    cache.set(cacheKey, cached);
  }
  return cached;
}

/** `lørdag 28. mars 2026 kl. 09:00`: the exact moment, weekday included. */
export function formatFullDateTime(iso: string, locale: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }, 'full').format(new Date(iso));
}

/** `09:30`. */
export function formatTime(iso: string, locale: string): string {
  return formatter(locale, { timeStyle: 'short' }, 'time').format(new Date(iso));
}

/** `1 993` in Norwegian, `1,993` in English. */
export function formatAmount(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
}
