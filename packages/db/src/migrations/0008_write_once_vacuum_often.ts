import { sql, type Kysely } from 'kysely';

/**
 * A new letter's thread is written once, with its words; the job queue is vacuumed often.
 *
 * Until now a letter that starts a thread wrote the thread twice: inserted without
 * words, then updated by the message trigger (0007) to hold them. Every update of a
 * thread is a new row version with new entries in all four of its indexes, the GIN
 * index among them; for the common letter that was one dead thread row per letter.
 * The sender API's one-statement insert now saves the thread with the message's words
 * (`letter-insert.ts`), and the trigger leaves a thread alone when it already holds
 * exactly the words of the message (a thread's first message, saved with them): the
 * words would be the same either way. Every other path still gets its words from the
 * trigger.
 *
 * The GIN index on (citizen_id, search) stops collecting new entries in a pending list
 * (`fastupdate`): every search within a citizen read the whole list — up to 4 MB, the
 * words of the last few thousand letters — beside the index, which doubled a heavy
 * citizen's search (p99 50 → 97–115 ms after a few thousand letters), and the insert
 * that found the list full merged all of it while its sender waited. Each letter now
 * puts its words into the index as it is saved: a steady cost per letter instead.
 *
 * The job queue is vacuumed as soon as a thousand of its rows are dead, without the
 * cost-based pauses: each job leaves two or three dead row versions (queued, claimed,
 * done), and a claim walks the ready index past every dead entry not yet cleaned, so a
 * burst of some 30,000 finished jobs cut the delivery path from 500 to 340 letters/s
 * until the default thresholds (20 % of a table that is mostly empty) let autovacuum in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function thread_search_add_message() returns trigger language plpgsql as $$
    begin
      update thread set search = search || new.search
      where citizen_id = new.citizen_id and id = new.thread_id and search is distinct from new.search;
      return null;
    end
    $$`.execute(db);
  await sql`alter index thread_search_by_citizen set (fastupdate = off)`.execute(db);
  await sql`alter table job set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000)`.execute(db);
  // What the pending list holds now goes into the index, so no search reads it again.
  await sql`select gin_clean_pending_list('thread_search_by_citizen'::regclass)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table job reset (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay, autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)`.execute(db);
  await sql`alter index thread_search_by_citizen reset (fastupdate)`.execute(db);
  await sql`
    create or replace function thread_search_add_message() returns trigger language plpgsql as $$
    begin
      update thread set search = search || new.search where citizen_id = new.citizen_id and id = new.thread_id;
      return null;
    end
    $$`.execute(db);
}
