import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Search within one citizen's items, at national scale. The plain GIN index on
 * `message.search` (0001) holds every citizen's words: a word like "time" matches
 * millions of messages, and the planner either scans the whole posting list for it
 * (0.3 s for a word in 600,000 messages) or probes each of a heavy citizen's 10,000+
 * threads in turn (80 ms). One GIN index on (citizen_id, search) — btree_gin lets
 * GIN index the uuid — answers "this citizen's messages with this word" by skipping
 * through both posting lists together. Every search is within one citizen, so the
 * citizen-less index goes (one GIN index less to keep up on every letter saved).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create extension if not exists btree_gin;
    create index message_search_by_citizen on message using gin (citizen_id, search);
    drop index message_search;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index message_search on message using gin (search)`.execute(db);
  await sql`drop index message_search_by_citizen`.execute(db);
}
