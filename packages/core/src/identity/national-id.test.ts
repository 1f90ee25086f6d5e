import { describe, expect, test } from 'vitest';
import { isValidNationalId, parseNationalId, syntheticNationalId } from './national-id.ts';

describe('National identity numbers', () => {
  test('a synthetic number made for a birth date is valid, synthetic and carries that date', () => {
    const id = syntheticNationalId('1985-04-12', 123);
    expect(id).toHaveLength(11);
    expect(id.slice(2, 4)).toBe('84');
    expect(parseNationalId(id)).toEqual({ kind: 'fodselsnummer', synthetic: true, birthDate: '1985-04-12' });
  });

  test('children born after 2000 get an individual number from the 500 range and the right century', () => {
    const id = syntheticNationalId('2019-02-28', 510);
    expect(parseNationalId(id)?.birthDate).toBe('2019-02-28');
  });

  test('a changed digit breaks the check digits', () => {
    const id = syntheticNationalId('1985-04-12', 123);
    const tampered = `${id.slice(0, 5)}${(Number(id[5]) + 1) % 10}${id.slice(6)}`;
    expect(isValidNationalId(tampered)).toBe(false);
  });

  test('letters, short numbers and impossible dates are refused', () => {
    expect(isValidNationalId('1234567890a')).toBe(false);
    expect(isValidNationalId('1234567890')).toBe(false);
    expect(isValidNationalId('00000000000')).toBe(false);
  });

  test('a D-number (day + 40) is recognised', () => {
    const fnr = syntheticNationalId('1990-06-15', 200);
    // Build a D-number for the same date by searching individual numbers.
    let dnr: string | undefined;
    for (let individual = 200; individual < 300 && !dnr; individual++) {
      const candidate = syntheticNationalId('1990-06-15', individual);
      const shifted = `${Number(candidate.slice(0, 2)) + 40}${candidate.slice(2, 9)}`;
      for (let k = 0; k < 100; k++) {
        const trial = `${shifted}${String(k).padStart(2, '0')}`;
        if (parseNationalId(trial)?.kind === 'd-number') {
          dnr = trial;
          break;
        }
      }
    }
    expect(fnr).toBeDefined();
    expect(dnr && parseNationalId(dnr)?.birthDate).toBe('1990-06-15');
  });
});
