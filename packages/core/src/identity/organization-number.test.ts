import { describe, expect, test } from 'vitest';
import { isValidOrganizationNumber, organizationNumberFrom } from './organization-number.ts';

describe('Organisation numbers', () => {
  test('a number completed with its check digit is valid', () => {
    const number = organizationNumberFrom(91000001);
    expect(number).toHaveLength(9);
    expect(isValidOrganizationNumber(number)).toBe(true);
  });

  test('a wrong check digit, letters or the wrong length are refused', () => {
    const number = organizationNumberFrom(91000001);
    const wrong = `${number.slice(0, 8)}${(Number(number[8]) + 1) % 10}`;
    expect(isValidOrganizationNumber(wrong)).toBe(false);
    expect(isValidOrganizationNumber('12345678')).toBe(false);
    expect(isValidOrganizationNumber('12345678a')).toBe(false);
  });
});
