import { expect, test } from 'vitest';
import { formatPhone } from './phone.ts';

test('Norwegian numbers in the groups people write them in', () => {
  expect(formatPhone('+4799000001')).toBe('+47 990 00 001');
  expect(formatPhone('+47 41234567')).toBe('+47 412 34 567');
  expect(formatPhone('23327000')).toBe('23 32 70 00');
  expect(formatPhone('+4723327000')).toBe('+47 23 32 70 00');
  expect(formatPhone('+46701234567')).toBe('+46701234567');
});
