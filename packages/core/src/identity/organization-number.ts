/** Norwegian organisation numbers: 9 digits, the last a mod-11 check digit. */
const weights = [3, 2, 7, 6, 5, 4, 3, 2];

function checkDigitFor(firstEight: string): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(firstEight[index]), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return undefined;
  return digit;
}

export function isValidOrganizationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return checkDigitFor(value.slice(0, 8)) === Number(value[8]);
}

/** Completes eight digits with their check digit, or moves to the next base that has one. */
export function organizationNumberFrom(firstEight: number): string {
  for (let base = firstEight; ; base++) {
    const digits = String(base).padStart(8, '0');
    const check = checkDigitFor(digits);
    if (check !== undefined) return `${digits}${check}`;
  }
}
