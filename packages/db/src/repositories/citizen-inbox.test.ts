/** The inbox screen's one statement, as SQL text beside the code: a change to it shows in review. */
import { describe, expect, test } from 'vitest';
import { compileOnly } from '../testing/compile-only.ts';
import { CitizenInbox } from './citizen-inbox.ts';

const citizenId = '00000000-0000-4000-8000-000000000001';

describe('The inbox screen statement', () => {
  // The first page, the one every inbox screen opens on (a search is not prepared, and runs far less often).
  test('the first page with the unread counts is the statement in the snapshot', async () => {
    const { sql } = CitizenInbox.pageWithUnreadCountsSql(citizenId, { archived: false, limit: 20 }).compile(compileOnly);
    await expect(sql).toMatchFileSnapshot('./__snapshots__/inbox-page.sql');
  });
});
