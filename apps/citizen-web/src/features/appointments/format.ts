/** Appointment times in words, always Norwegian time: the full forms of the one date module. */
export { formatFullDateTime, formatTime } from '@innboks/web-base/dates';

/** `1 993` in Norwegian, `1,993` in English. */
export function formatAmount(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
}
