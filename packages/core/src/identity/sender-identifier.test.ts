import { describe, expect, test } from 'vitest';
import { identifierReuse } from './sender-identifier.ts';

describe('a sender identifier sent again', () => {
  test('for the same citizen is a repeat', () => {
    expect(identifierReuse('01810112345', '01810112345')).toBe('repeat');
  });
  test('for another citizen is refused', () => {
    expect(identifierReuse('01810112345', '02820212345')).toBe('other-citizen');
  });
});
