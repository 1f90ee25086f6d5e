/**
 * Norwegian national identity numbers (fødselsnummer) and D-numbers: 11 digits,
 * two mod-11 check digits. Synthetic test numbers add 80 to the month (or 40 to the
 * month in the older test convention), so they can never be a real person's.
 */
const firstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const secondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const remainder = 11 - (sum % 11);
  if (remainder === 11) return 0;
  if (remainder === 10) return undefined;
  return remainder;
}

export type NationalIdKind = 'fodselsnummer' | 'd-number';

export interface NationalIdFacts {
  kind: NationalIdKind;
  synthetic: boolean;
  birthDate: string | undefined;
}

/** Checks the check digits and the encoded date; returns the facts or undefined when invalid. */
export function parseNationalId(value: string): NationalIdFacts | undefined {
  if (!/^\d{11}$/.test(value)) return undefined;
  const digits = [...value].map(Number);
  const k1 = checkDigit(digits, firstWeights);
  if (k1 === undefined || k1 !== digits[9]) return undefined;
  const k2 = checkDigit(digits, secondWeights);
  if (k2 === undefined || k2 !== digits[10]) return undefined;

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const kind: NationalIdKind = day > 40 ? 'd-number' : 'fodselsnummer';
  if (day > 40) day -= 40;
  let synthetic = false;
  if (month > 80) {
    month -= 80;
    synthetic = true;
  } else if (month > 40) {
    month -= 40;
    synthetic = true;
  }
  const year = fullYear(Number(value.slice(4, 6)), Number(value.slice(6, 9)));
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { kind, synthetic, birthDate };
}

export function isValidNationalId(value: string): boolean {
  return parseNationalId(value) !== undefined;
}

/** The century follows from the individual number (digits 7–9). */
function fullYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Makes a synthetic national id (month + 80) for a birth date and an individual
 * number; tries the next individual numbers until the check digits exist.
 */
export function syntheticNationalId(birthDate: string, individualNumber: number): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  for (let individual = individualNumber; individual < individualNumber + 100; individual++) {
    const base =
      String(day).padStart(2, '0') +
      String(month + 80).padStart(2, '0') +
      String(year % 100).padStart(2, '0') +
      String(individual % 1000).padStart(3, '0');
    const digits = [...base].map(Number);
    const k1 = checkDigit(digits, firstWeights);
    if (k1 === undefined) continue;
    const k2 = checkDigit([...digits, k1], secondWeights);
    if (k2 === undefined) continue;
    const candidate = `${base}${k1}${k2}`;
    if (parseNationalId(candidate)?.birthDate === birthDate) return candidate;
  }
  throw new Error(`No synthetic national id for ${birthDate} near ${individualNumber}`);
}
