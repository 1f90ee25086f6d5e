import { describe, expect, test } from 'vitest';
import { firstLetterStatus, letterStatusCanMoveTo, letterStatusOfReceipt, letterStatuses } from './letter-status.ts';

describe('A letter status', () => {
  test('a letter being delivered may become delivered or undeliverable', () => {
    expect(letterStatusCanMoveTo('in-progress', 'completed')).toBe(true);
    expect(letterStatusCanMoveTo('in-progress', 'not-done')).toBe(true);
  });

  test('an undeliverable letter may still be delivered by a replay', () => {
    expect(letterStatusCanMoveTo('not-done', 'completed')).toBe(true);
  });

  test('a delivered letter never looks undelivered or in progress again', () => {
    expect(letterStatusCanMoveTo('completed', 'not-done')).toBe(false);
    expect(letterStatusCanMoveTo('completed', 'in-progress')).toBe(false);
  });

  test('nothing goes back to in progress', () => {
    for (const from of letterStatuses) expect(letterStatusCanMoveTo(from, 'in-progress')).toBe(false);
  });

  test('staying where it is is no move', () => {
    for (const status of letterStatuses) expect(letterStatusCanMoveTo(status, status)).toBe(false);
  });

  test('a letter to the citizen starts in progress, and a message from the citizen starts completed', () => {
    expect(firstLetterStatus('to-citizen')).toBe('in-progress');
    expect(firstLetterStatus('from-citizen')).toBe('completed');
  });

  test('a citizen’s answer carried to its organisation by Dialogmelding is on its way until the receipt: OK arrived, refused not done', () => {
    expect(firstLetterStatus('from-citizen', true)).toBe('in-progress');
    expect(letterStatusOfReceipt('1')).toBe('completed');
    expect(letterStatusOfReceipt('3')).toBe('completed');
    expect(letterStatusOfReceipt('2')).toBe('not-done');
  });
});
