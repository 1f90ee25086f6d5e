import { sql, type Kysely } from 'kysely';

/**
 * The search walk and the hidden-item count read a thread's representative access
 * code from the index, not the table.
 *
 * Since acting for others (0016) every inbox query leaves out the threads a sender
 * hid from the viewer (`representative_access`; the rule table in @innboks/core). The
 * search walk (`thread_search_walk`, 0013) is an index-only scan: with the code only in
 * the table, each thread passed had its row read to test it, and the planner took the
 * words' GIN index instead and fetched every match to sort them — a heavy citizen's
 * "røntgen" read 5,328 matches (40 ms), and at national size the search fell from
 * about 2,600 to 25 a second. With the code beside the words the walk stays in the
 * index.
 *
 * The unread counts subtract the threads hidden from the viewer. The partial index of
 * marked threads (0016) had only the citizen, so the planner preferred the citizen's
 * whole inbox (6,748 rows for a heavy citizen, 3 ms); keyed on citizen and archived,
 * with the category and unread beside, it is the smaller match and answers alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index thread_search_walk`.execute(db);
  await sql`create index thread_search_walk on thread (citizen_id, archived, last_activity_at desc, id desc) include (category, search, representative_access)`.execute(db);
  await sql`drop index thread_marked_for_representatives`.execute(db);
  await sql`create index thread_marked_for_representatives on thread (citizen_id, archived) include (category, unread) where representative_access is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index thread_marked_for_representatives`.execute(db);
  await sql`create index thread_marked_for_representatives on thread (citizen_id) where representative_access is not null`.execute(db);
  await sql`drop index thread_search_walk`.execute(db);
  await sql`create index thread_search_walk on thread (citizen_id, archived, last_activity_at desc, id desc) include (category, search)`.execute(db);
}
