/** The inbox screen's one statement, as SQL text beside the code: a change to it shows in review. */
import { describe, expect, test } from 'vitest';
import { compileOnly } from '../testing/compile-only.ts';
import { CitizenInbox } from './citizen-inbox.ts';

const citizenId = '00000000-0000-4000-8000-000000000001';
const cursor = Buffer.from('2026-03-20T09:00:00.000Z|00000000-0000-4000-8000-000000000002').toString('base64url');

describe('The inbox screen statement', () => {
  test('the first page with the unread counts is the statement in the snapshot', async () => {
    const { sql } = CitizenInbox.pageWithUnreadCountsSql(citizenId, { archived: false, limit: 20 }).compile(compileOnly);
    await expect(sql).toMatchFileSnapshot('./__snapshots__/inbox-page.sql');
  });

  test('a later page of a search within a category is the statement in the snapshot', async () => {
    expect(CitizenInbox.isValidCursor(cursor)).toBe(true);
    const { sql } = CitizenInbox.pageWithUnreadCountsSql(citizenId, { archived: false, limit: 20, category: 'hospital', query: 'hjerte', cursor }).compile(compileOnly);
    await expect(sql).toMatchFileSnapshot('./__snapshots__/inbox-search-page.sql');
  });
});
