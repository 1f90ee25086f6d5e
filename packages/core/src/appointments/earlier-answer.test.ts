import { describe, expect, test } from 'vitest';
import { earlierAnswer } from './earlier-answer.ts';

describe('an answer given once per booking', () => {
  const changedAt = '2026-03-20T10:00:00.000Z';
  const replies = [
    { reason: 'cannot-attend', sentAt: '2026-03-20T11:00:00.000Z' },
    { reason: 'question', sentAt: '2026-03-20T11:30:00.000Z' },
    { reason: 'confirm', sentAt: '2026-03-19T09:00:00.000Z' },
  ];

  test('the same reason again finds the earlier one', () => {
    expect(earlierAnswer('cannot-attend', replies, changedAt)).toEqual(replies[0]);
  });

  test('a question may always be asked again', () => {
    expect(earlierAnswer('question', replies, changedAt)).toBeUndefined();
  });

  test('an answer sent before the hospital changed the appointment no longer counts', () => {
    expect(earlierAnswer('confirm', replies, changedAt)).toBeUndefined();
    expect(earlierAnswer('cannot-attend', replies, new Date('2026-03-21T08:00:00Z'))).toBeUndefined();
  });
});
