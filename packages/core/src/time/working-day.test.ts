import { describe, expect, it } from 'vitest';
import { firstWorkingDayAfter, isWorkingDay, norwegianPublicHolidays, osloDate } from './working-day.ts';

/** Noon in Oslo on a date (CET or CEST does not matter at noon). */
const oslo = (date: string, time = '12:00') => new Date(`${date}T${time}:00+02:00`);

describe('the first working day after sending', () => {
  it('after Skjærtorsdag 2026-04-02 is Tuesday 2026-04-07 (Easter in between)', () => {
    expect(firstWorkingDayAfter(oslo('2026-04-02'))).toBe('2026-04-07');
  });

  it('after Friday 2026-05-15 is Monday 2026-05-18', () => {
    expect(firstWorkingDayAfter(oslo('2026-05-15'))).toBe('2026-05-18');
  });

  it('after Thursday 2026-12-24 is Monday 2026-12-28 (Christmas Day and Boxing Day in between)', () => {
    expect(firstWorkingDayAfter(new Date('2026-12-24T12:00:00+01:00'))).toBe('2026-12-28');
  });

  it('after an ordinary Tuesday is the Wednesday', () => {
    expect(firstWorkingDayAfter(oslo('2026-03-10'))).toBe('2026-03-11');
  });

  it('after a message sent on a Saturday is the Monday', () => {
    expect(firstWorkingDayAfter(oslo('2026-03-14'))).toBe('2026-03-16');
  });

  it('follows the Oslo calendar, not UTC: 23:30 UTC on Friday is already Saturday in Oslo', () => {
    expect(osloDate(new Date('2026-03-13T23:30:00Z'))).toBe('2026-03-14');
    expect(firstWorkingDayAfter(new Date('2026-03-13T23:30:00Z'))).toBe('2026-03-16');
    // 22:30 UTC on a Thursday is still Thursday 23:30 in Oslo (winter time): Friday is next.
    expect(firstWorkingDayAfter(new Date('2026-03-12T22:30:00Z'))).toBe('2026-03-13');
  });

  it('skips Ascension Day and Whit Monday', () => {
    expect(firstWorkingDayAfter(oslo('2026-05-13'))).toBe('2026-05-15');
    expect(firstWorkingDayAfter(oslo('2026-05-22'))).toBe('2026-05-26');
  });

  it('skips New Year’s Day across the year boundary', () => {
    expect(firstWorkingDayAfter(new Date('2026-12-31T12:00:00+01:00'))).toBe('2027-01-04');
  });
});

describe('Norwegian public holidays of 2026', () => {
  it('are exactly the twelve days of the calendar', () => {
    expect([...norwegianPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01', // Første nyttårsdag
      '2026-04-02', // Skjærtorsdag
      '2026-04-03', // Langfredag
      '2026-04-05', // Første påskedag
      '2026-04-06', // Andre påskedag
      '2026-05-01', // Arbeidernes dag
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-17', // Grunnlovsdagen
      '2026-05-24', // Første pinsedag
      '2026-05-25', // Andre pinsedag
      '2026-12-25', // Første juledag
      '2026-12-26', // Andre juledag
    ]);
  });

  it('leave 253 working days in 2026 (261 weekdays, 8 holidays on weekdays)', () => {
    let count = 0;
    for (let day = new Date('2026-01-01T12:00:00Z'); day.getUTCFullYear() === 2026; day = new Date(day.getTime() + 86_400_000)) {
      if (isWorkingDay(day.toISOString().slice(0, 10))) count += 1;
    }
    expect(count).toBe(253);
  });

  it('are not working days, while Christmas Eve (a weekday, not a public holiday) is', () => {
    for (const holiday of norwegianPublicHolidays(2026)) expect(isWorkingDay(holiday)).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });
});
