import { sql, type Kysely } from 'kysely';

/**
 * A thread knows which way its first message went: `started_by` is `citizen` when the
 * citizen (or, later, someone acting for them) wrote first — a message to a municipal
 * service, a question to a clinic — and `sender` otherwise. The inbox names the other
 * party by it ("Til Hjemmesykepleie" rather than "Fra Hjemmesykepleie") without
 * reading the thread's messages for every row of a page.
 *
 * A column with a constant default is added without rewriting the table; the update
 * sets it for threads begun by a citizen, found by their first message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table thread add column started_by text not null default 'sender' check (started_by in ('sender', 'citizen'))`.execute(db);
  await sql`
    update thread set started_by = 'citizen'
    where (select direction from message
           where message.citizen_id = thread.citizen_id and message.thread_id = thread.id
           order by sent_at, id limit 1) = 'from-citizen'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table thread drop column started_by`.execute(db);
}
