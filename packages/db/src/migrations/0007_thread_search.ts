import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Search moves from the message to its thread. The inbox lists threads newest first,
 * and a search within one citizen answers with the first 20 threads that hold the
 * words. With the words on the messages (0006), a heavy citizen's common word meant
 * fetching every matching message (thousands) to find their threads and sort them
 * (15–20 ms a search, 400 ms at the 99th percentile under load); with the words on the
 * thread, the newest-first index is walked and each row tested in place until 20
 * match (0.1–0.5 ms), and a rare word goes through the GIN index on
 * (citizen_id, search) instead — the planner chooses from the word's statistics.
 *
 * `thread.search` is every message's `search` (subject, sender, text) put together.
 * A trigger on message keeps it current, so no path that writes a message (sender
 * letters and answers, citizens' replies, municipal staff) can leave a thread
 * unsearchable. The message GIN index goes: one GIN index per letter saved, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create aggregate tsvector_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

    alter table thread add column search tsvector not null default ''::tsvector;

    update thread set search = words.search
    from (select citizen_id, thread_id, tsvector_agg(search) as search from message group by citizen_id, thread_id) as words
    where thread.citizen_id = words.citizen_id and thread.id = words.thread_id;

    create index thread_search_by_citizen on thread using gin (citizen_id, search);
    drop index message_search_by_citizen;
  `,
  );
  // A function body holds semicolons, so it is sent on its own (see runStatements).
  await sql`
    create function thread_search_add_message() returns trigger language plpgsql as $$
    begin
      update thread set search = search || new.search where citizen_id = new.citizen_id and id = new.thread_id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger message_adds_to_thread_search after insert on message
      for each row execute function thread_search_add_message()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    drop trigger message_adds_to_thread_search on message;
    drop function thread_search_add_message();
    create index message_search_by_citizen on message using gin (citizen_id, search);
    drop index thread_search_by_citizen;
    alter table thread drop column search;
    drop aggregate tsvector_agg(tsvector);
  `,
  );
}
