import { describe, expect, test } from 'vitest';
import { readCsrfToken } from './csrf.ts';

describe('CSRF token', () => {
  test('Is read from among other cookies', () => {
    expect(readCsrfToken('theme=dark; innboks_csrf=abc123; other=1')).toBe('abc123');
  });

  test('Is URL-decoded', () => {
    expect(readCsrfToken('innboks_csrf=a%2Bb%3D')).toBe('a+b=');
  });

  test('Is not confused with a cookie whose name only ends the same', () => {
    expect(readCsrfToken('x_innboks_csrf=nope')).toBeUndefined();
  });

  test('Is undefined when missing', () => {
    expect(readCsrfToken('')).toBeUndefined();
  });
});
