import { describe, expect, test } from 'vitest';
import { formatFullDateTime, formatFullDay, formatTime, formatWhen, formatWhenWithTime, hasCalendarWords } from './dates.ts';

const nb = 'nb-NO';
const en = 'en-GB';

describe('formatWhen: today with the time, this year without the year', () => {
  test("today's item shows the word for today and the Oslo time", () => {
    const now = new Date('2026-12-04T22:50:00Z'); // 23:50 in Oslo
    expect(formatWhen('2026-12-04T22:46:00Z', nb, now)).toBe('i dag 23:46');
    expect(formatWhen('2026-12-04T22:46:00Z', en, now)).toBe('today 23:46');
  });

  test('across midnight in Oslo: 23:30 UTC is already tomorrow, so not today', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(formatWhen('2026-12-04T23:30:00Z', nb, now)).toMatch(/^5\. des\.?$/);
    // 22:59 UTC is 23:59 in Oslo, still today.
    expect(formatWhen('2026-12-04T22:59:00Z', nb, now)).toBe('i dag 23:59');
    // Just after midnight in Oslo, yesterday evening is not today.
    expect(formatWhen('2026-12-04T22:30:00Z', nb, new Date('2026-12-04T23:10:00Z'))).toMatch(/^4\. des\.?$/);
  });

  test('at the change of year: last year gets its year, this year none', () => {
    const newYearsMorning = new Date('2027-01-01T08:00:00Z');
    expect(formatWhen('2026-12-31T12:00:00Z', nb, newYearsMorning)).toMatch(/^31\. des\.? 2026$/);
    // 23:30 UTC on 31 December is 00:30 on 1 January in Oslo: today, not last year.
    expect(formatWhen('2026-12-31T23:30:00Z', nb, newYearsMorning)).toBe('i dag 00:30');
    expect(formatWhen('2027-01-01T08:00:00Z', en, new Date('2027-06-01T08:00:00Z'))).toBe('1 Jan');
  });

  test('across daylight saving: the Oslo offset of the moment itself', () => {
    // Clocks went forward at 01:00 UTC on 29 March 2026.
    expect(formatWhen('2026-03-29T00:30:00Z', nb, new Date('2026-03-29T10:00:00Z'))).toBe('i dag 01:30');
    expect(formatWhen('2026-03-29T01:30:00Z', nb, new Date('2026-03-29T10:00:00Z'))).toBe('i dag 03:30');
    // Back at 01:00 UTC on 25 October 2026.
    expect(formatWhen('2026-10-25T00:30:00Z', nb, new Date('2026-10-25T10:00:00Z'))).toBe('i dag 02:30');
    expect(formatWhen('2026-10-25T01:30:00Z', nb, new Date('2026-10-25T10:00:00Z'))).toBe('i dag 02:30');
  });

  test('leaves an unreadable date as it was', () => {
    expect(formatWhen('not a date', nb)).toBe('not a date');
  });
});

describe('formatWhenWithTime', () => {
  test('this year with the time, older with the year and time', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(formatWhenWithTime('2026-12-04T22:46:00Z', nb, now)).toMatch(/^4\. des\.?,? (kl\. )?23:46$/);
    expect(formatWhenWithTime('2025-12-04T22:46:00Z', nb, now)).toMatch(/^4\. des\.? 2025,? (kl\. )?23:46$/);
    expect(formatWhenWithTime('2026-12-05T09:00:00Z', nb, now)).toBe('i dag 10:00');
  });
});

describe('full dates, where a deadline or an appointment is concerned', () => {
  test('with the weekday and year, in Oslo time across DST', () => {
    expect(formatFullDateTime('2026-12-04T22:46:00Z', nb)).toBe('fredag 4. desember 2026 kl. 23:46');
    expect(formatFullDateTime('2026-03-29T12:00:00Z', nb)).toContain('14:00');
    expect(formatFullDateTime('2026-03-28T12:00:00Z', nb)).toContain('13:00');
    expect(formatFullDay('2026-04-07', nb)).toBe('tirsdag 7. april 2026');
    expect(formatFullDay('2026-04-07', en)).toMatch(/^Tuesday,? 7 April 2026$/);
    expect(formatTime('2026-07-01T07:30:00Z', nb)).toBe('09:30');
  });
});

describe('a language this runtime has no calendar words for (Chromium: Sami, Nynorsk)', () => {
  // 'zxx' ("no linguistic content") has no calendar data in any runtime: it stands for one.
  test('gets its dates in figures, in the Norwegian order, never in another language’s words', () => {
    expect(hasCalendarWords('zxx')).toBe(false);
    expect(formatFullDateTime('2027-06-30T22:00:00Z', 'zxx')).toBe('01.07.2027, 00:00');
    expect(formatFullDay('2027-07-01', 'zxx')).toBe('01.07.2027');
    expect(formatWhen('2027-06-01T08:00:00Z', 'zxx', new Date('2027-06-30T08:00:00Z'))).toMatch(/^0?1\.0?6\.?$/);
  });

  test('a runtime with the words writes them', () => {
    expect(hasCalendarWords('se-NO')).toBe(true);
    expect(formatFullDay('2027-07-01', 'se-NO')).toContain('suoidnemánnu');
  });
});
