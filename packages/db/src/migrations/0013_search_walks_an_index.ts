import { sql, type Kysely } from 'kysely';

/**
 * An index to walk a citizen's threads newest first with their category and words
 * beside each entry: `thread_search_walk`.
 *
 * A search shows the 20 newest threads that hold the words. Walking a citizen's
 * threads newest first until 20 match is the quick way for a common word; with
 * `thread_by_citizen_activity` every thread passed had its row read from the table to
 * test its words (550 table pages for one search of a heavy citizen, 0.7 ms), and the
 * planner, which sees the citizen only as a column of the session it is joined to,
 * often took the words' GIN index instead and fetched every match to sort them (5,000
 * threads for "time", 3.5 ms). With the category and words in this index the walk is
 * an index-only scan (25 pages, 0.2–0.4 ms; a citizen with a few dozen threads
 * 0.1 ms, without reading the GIN index and its pending list). Its worst case is a
 * word that a heavy citizen's threads do not hold: the walk passes all of them in the
 * index, 13,500 entries in 4.4 ms. In the search benchmark a heavy citizen's search
 * went from 456–491 to 761–945 a second (p99 53–64 → 33–44 ms).
 *
 * The cost: an index about as large as the threads' words, written when a thread is
 * made or gets a message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index thread_search_walk on thread (citizen_id, archived, last_activity_at desc, id desc) include (category, search)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index thread_search_walk`.execute(db);
}
