/**
 * The plan PostgreSQL picks for the inbox search of a citizen with thousands of
 * threads: the walk down `thread_search_walk` without reading the table, and the
 * hidden-item count from the small index of marked threads. When a filter the index
 * cannot answer slipped into the search (the representative access code, before
 * migration 0020), the planner fetched every match of the words' GIN index instead and
 * a heavy citizen's search went from under 1 ms to 45 ms; at national size the search
 * answered 25 a second instead of 2,600. The figures come from `npm run bench -- --only
 * search`; this test keeps the plan that gives them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { addHospital } from '../testing/sample-rows.ts';
import { CitizenInbox, ownItems } from './citizen-inbox.ts';
import { sessionWithReadSql } from '../sessions/citizen-sessions.ts';
import { itemsVisibleTo } from '@innboks/core';

const heavyThreads = 4_000;
const otherCitizens = 2_000;

describe.each(testDatabaseKinds())('The inbox search plan on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    const organizationId = await addHospital(db);
    // Many citizens with a few threads each, and one with thousands: the shape of the national data.
    await sql`insert into citizen (national_id, name) select lpad(n::text, 11, '0'), 'Innbygger ' || n from generate_series(1, ${otherCitizens + 1}) n`.execute(db);
    await sql`insert into thread (id, citizen_id, organization_id, category, subject, sender_name, last_activity_at, search, representative_access, unread)
      select gen_random_uuid(), c.id, ${organizationId}, 'hospital', 'Brev ' || n, 'Sykehuset',
        timestamptz '2026-01-01' + n * interval '1 hour',
        to_tsvector('norwegian', case when n % 7 = 0 then 'Svar på røntgenundersøkelse' else 'Innkalling til blodprøver' end),
        case when n % 97 = 0 then 'NORN_UNGDOM' end, n % 3 = 0
      from citizen c cross join lateral generate_series(1, case when c.national_id = '00000000001' then ${heavyThreads} else 4 end) n`.execute(db);
    await sql`insert into citizen_session (id, citizen_id, acr, created_at, last_seen_at, expires_at)
      select 'plan-test-session', id, 'idporten-loa-high', now(), now(), now() + interval '1 hour' from citizen where national_id = '00000000001'`.execute(db);
    await sql`vacuum analyze thread`.execute(db);
    await sql`analyze citizen`.execute(db);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  const plan = async (query: string, visibility = ownItems) => {
    const statement = sessionWithReadSql('plan-test-session', (citizenId) => CitizenInbox.pageWithUnreadCountsSql(citizenId, { query, archived: false, limit: 20 }, visibility), { prepared: false });
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain (costs off) ${statement}`.execute(database.db);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  test('a heavy citizen’s search walks the search index without the table or the words’ GIN index', async () => {
    const text = await plan('røntgen');
    expect(text).toContain('Index Only Scan using thread_search_walk');
    expect(text).not.toContain('thread_search_by_citizen');
  });

  test('a parent’s search for a child walks the same index, the access codes read from it', async () => {
    const text = await plan('blod', itemsVisibleTo('FO', 14));
    expect(text).toContain('Index Only Scan using thread_search_walk');
    expect(text).not.toContain('thread_search_by_citizen');
  });

  test('the unread counts take the hidden threads from the index of marked threads, not the whole inbox', async () => {
    const text = await plan('røntgen');
    expect(text).toContain('thread_marked_for_representatives');
  });
});
