import { sql, type Kysely } from 'kysely';

/**
 * The search index collects new entries again, in a pending list of at most 64 kB.
 *
 * With the pending list off (0008) every letter put each of its ~50 words into the GIN
 * index on (citizen_id, search) one at a time: a descent of the index per word, the
 * largest part of the sender API's statement. A pending list takes the words of a
 * letter as one append, and when it holds 64 kB (the least PostgreSQL allows; the
 * words of some 30 letters) the letter that fills it moves them all into the index in
 * one sorted pass. In the ingest benchmark this cut PostgreSQL's CPU per letter by
 * 15–25 % (1.22 → 1.05 and 1.82 → 1.36 ms in runs side by side).
 *
 * 0008 turned the list off because every search reads all of it: at the default
 * limit, 4 MB, a heavy citizen's search doubled (p99 50 → 97 ms). At 64 kB a search
 * reads at most 8 pages more, which did not show in the search benchmark.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter index thread_search_by_citizen set (fastupdate = on, gin_pending_list_limit = 64)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter index thread_search_by_citizen set (fastupdate = off)`.execute(db);
  await sql`alter index thread_search_by_citizen reset (gin_pending_list_limit)`.execute(db);
  await sql`select gin_clean_pending_list('thread_search_by_citizen'::regclass)`.execute(db);
}
