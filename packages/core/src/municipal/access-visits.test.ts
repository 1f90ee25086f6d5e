import { describe, expect, test } from 'vitest';
import { groupAccessVisits, type AccessRow } from './access-visits.ts';

const row = (minute: number, objectType: AccessRow['objectType'], overrides: Partial<AccessRow> = {}): AccessRow => ({
  at: new Date(Date.UTC(2026, 2, 4, 9, minute)),
  staffName: 'Hanne Pleier',
  serviceName: 'Hjemmesykepleie',
  threadId: 't1',
  objectType,
  ...overrides,
});

describe('visits in "Logg over bruk"', () => {
  test('the inbox listing and the opening of the thread a minute later are one visit, at its start, showing the most seen', () => {
    expect(groupAccessVisits([row(2, 'thread'), row(1, 'thread-summary')])).toEqual([row(1, 'thread')]);
  });

  test('another staff member, another thread, or more than half an hour apart are separate visits', () => {
    const rows = [row(50, 'thread'), row(10, 'thread'), row(9, 'thread', { staffName: 'Lise' }), row(8, 'thread', { threadId: 't2' })];
    expect(groupAccessVisits(rows)).toHaveLength(4);
  });

  test('an attachment opened in the visit is what the visit shows', () => {
    expect(groupAccessVisits([row(3, 'thread-summary'), row(2, 'attachment'), row(1, 'thread')])).toEqual([row(1, 'attachment')]);
  });

  test('rows of other threads from the same listing between them do not split a visit', () => {
    const rows = [row(3, 'thread'), row(2, 'thread-summary', { threadId: 't2' }), row(2, 'thread-summary')];
    expect(groupAccessVisits(rows)).toEqual([row(2, 'thread'), row(2, 'thread-summary', { threadId: 't2' })]);
  });
});
