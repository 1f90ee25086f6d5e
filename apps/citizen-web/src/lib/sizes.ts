/** Rounds a byte count for people; the unit words come from the message catalogue. */
export function humanSize(bytes: number, locale: string): { unit: 'bytes' | 'kilobytes' | 'megabytes'; size: string } {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1000) return { unit: 'bytes', size: number(bytes) };
  if (bytes < 1_000_000) return { unit: 'kilobytes', size: number(Math.round(bytes / 1000)) };
  return { unit: 'megabytes', size: number(bytes / 1_000_000) };
}
