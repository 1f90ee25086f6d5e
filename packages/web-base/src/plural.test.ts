import { expect, test } from 'vitest';
import { plural } from './plural.ts';

test('chooses the form by the language rules, not by n === 1', () => {
  const unanswered = { one: '{count} ubesvart', other: '{count} ubesvarte' };
  expect(plural('nb-NO', unanswered, 1)).toBe('1 ubesvart');
  expect(plural('nb-NO', unanswered, 0)).toBe('0 ubesvarte');
  expect(plural('nb-NO', unanswered, 2)).toBe('2 ubesvarte');
  expect(plural('en-GB', { one: '{count} unread', other: '{count} unread' }, 1)).toBe('1 unread');
  expect(plural('nb-NO', { other: '{count} stk.' }, 1)).toBe('1 stk.');
});

test('Northern Sami has a dual: two takes its own form, one and three others', () => {
  const shown = { one: 'Čájehuvvo {count} dieđáhus.', two: 'Čájehuvvoba {count} dieđáhusa.', other: 'Čájehuvvojit {count} dieđáhusa.' };
  expect(plural('se-NO', shown, 1)).toBe('Čájehuvvo 1 dieđáhus.');
  expect(plural('se-NO', shown, 2)).toBe('Čájehuvvoba 2 dieđáhusa.');
  expect(plural('se-NO', shown, 3)).toBe('Čájehuvvojit 3 dieđáhusa.');
});
