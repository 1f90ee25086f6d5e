import { describe, expect, test } from 'vitest';
import { readCookie } from './csrf.ts';

describe('CSRF token', () => {
  test('Is read from among other cookies', () => {
    expect(readCookie('innboks_csrf', 'theme=dark; innboks_csrf=abc123; other=1')).toBe('abc123');
  });

  test('Is URL-decoded', () => {
    expect(readCookie('innboks_csrf', 'innboks_csrf=a%2Bb%3D')).toBe('a+b=');
  });

  test('Is not confused with a cookie whose name only ends the same', () => {
    expect(readCookie('innboks_csrf', 'x_innboks_csrf=nope')).toBeUndefined();
  });

  test('Is not confused with a cookie whose name only starts the same', () => {
    expect(readCookie('innboks_csrf', 'innboks_csrf_old=nope; innboks_staff_csrf=nope')).toBeUndefined();
  });

  test('Is undefined when missing', () => {
    expect(readCookie('innboks_csrf', '')).toBeUndefined();
  });
});
