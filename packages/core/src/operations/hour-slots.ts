/**
 * The operator's charts count by whole UTC hours: the hours a window covers, oldest
 * first, ending with the hour that holds `now`, so a chart has a point for every hour
 * even when nothing happened in it (an empty hour is a zero, not a gap).
 */
const hourMs = 3_600_000;

export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / hourMs) * hourMs);
}

export function hourSlots(now: Date, hours: number): Date[] {
  const last = hourStart(now).getTime();
  return Array.from({ length: hours }, (_, index) => new Date(last - (hours - 1 - index) * hourMs));
}

/** Rows keyed by hour and series, spread over every slot: one value per series per hour, zero where missing. */
export function spreadOverHours<Row extends { hour: Date }>(
  slots: readonly Date[],
  rows: readonly Row[],
  seriesOf: (row: Row) => string,
  valueOf: (row: Row) => number,
): { hour: Date; values: Record<string, number> }[] {
  const series = [...new Set(rows.map(seriesOf))].sort();
  const byHour = new Map<number, Record<string, number>>(slots.map((slot) => [slot.getTime(), Object.fromEntries(series.map((name) => [name, 0]))]));
  for (const row of rows) {
    const values = byHour.get(hourStart(row.hour).getTime());
    if (values) values[seriesOf(row)] = valueOf(row);
  }
  return slots.map((slot) => ({ hour: slot, values: byHour.get(slot.getTime())! }));
}
