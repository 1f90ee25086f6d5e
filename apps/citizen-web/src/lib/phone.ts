/**
 * A Norwegian number as people write it: mobile numbers (4xx, 9xx) in groups of 3-2-3,
 * others in pairs, after "+47" when it has one. Anything else is shown as it came.
 */
export function formatPhone(phone: string): string {
  const match = /^(\+47)?\s*(\d{8})$/.exec(phone.replace(/[\s-]/g, ''));
  if (!match) return phone;
  const digits = match[2]!;
  const grouped = /^[49]/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`
    : digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  return match[1] ? `${match[1]} ${grouped}` : grouped;
}
