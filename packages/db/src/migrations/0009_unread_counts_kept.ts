import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The unread counts per category are kept, not counted on every screen.
 *
 * Every inbox and search screen shows how many unread threads each category holds.
 * Counted from the partial index `thread_unread_by_citizen`, that was one index entry
 * read per unread thread on every request: nothing for most citizens, but 0.5–0.8 ms
 * of PostgreSQL for a citizen with thousands of unread letters — a quarter to a third
 * of their search screen, and what kept it over 50 ms at the 99th percentile.
 *
 * `citizen_unread` holds one row per citizen and category with the number of threads
 * that are unread and not archived. Triggers on `thread` keep it in the same
 * transaction as the change, so no path that writes a thread (sender letters and
 * answers, appointments, municipal threads, the citizen opening, archiving or marking
 * a thread) can leave it wrong, and the counts stay exact. Each trigger only fires
 * when a thread's contribution changes (its WHEN clause), so a new word or a new
 * activity time on a thread costs nothing here. A counter row is updated in place
 * (HOT: no indexed column changes; fillfactor leaves room on its page). The partial
 * index the counting read goes: nothing else reads it, and each unread letter no longer
 * writes an entry in it.
 *
 * Like every citizen-owned table it is keyed by citizen first, and would be distributed
 * by citizen id beside `thread` (ARCHITECTURE.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create table citizen_unread (
      citizen_id uuid not null references citizen(id),
      category text not null,
      unread integer not null check (unread >= 0),
      primary key (citizen_id, category)
    ) with (fillfactor = 70);

    lock table thread in share mode;
    insert into citizen_unread (citizen_id, category, unread)
      select citizen_id, category, count(*) from thread where unread and not archived group by citizen_id, category;
    drop index thread_unread_by_citizen;
  `,
  );
  // Function bodies hold semicolons, so each is sent on its own (see runStatements).
  await sql`
    create function citizen_unread_follow_thread() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.unread and not old.archived then
        update citizen_unread set unread = unread - 1 where citizen_id = old.citizen_id and category = old.category;
      end if;
      if tg_op <> 'DELETE' and new.unread and not new.archived then
        insert into citizen_unread as kept (citizen_id, category, unread) values (new.citizen_id, new.category, 1)
        on conflict (citizen_id, category) do update set unread = kept.unread + 1;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create function citizen_unread_follow_truncate() returns trigger language plpgsql as $$
    begin
      delete from citizen_unread;
      return null;
    end
    $$`.execute(db);
  await runStatements(
    db,
    /* sql */ `
    create trigger thread_counts_unread_insert after insert on thread
      for each row when (new.unread and not new.archived) execute function citizen_unread_follow_thread();
    create trigger thread_counts_unread_delete after delete on thread
      for each row when (old.unread and not old.archived) execute function citizen_unread_follow_thread();
    create trigger thread_counts_unread_update after update of unread, archived, category, citizen_id on thread
      for each row when (
        (old.unread and not old.archived) is distinct from (new.unread and not new.archived)
        or (new.unread and not new.archived and (old.citizen_id, old.category) is distinct from (new.citizen_id, new.category))
      ) execute function citizen_unread_follow_thread();
    create trigger thread_counts_unread_truncate after truncate on thread
      for each statement execute function citizen_unread_follow_truncate();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    drop trigger thread_counts_unread_truncate on thread;
    drop trigger thread_counts_unread_update on thread;
    drop trigger thread_counts_unread_delete on thread;
    drop trigger thread_counts_unread_insert on thread;
    drop function citizen_unread_follow_truncate();
    drop function citizen_unread_follow_thread();
    drop table citizen_unread;
    create index thread_unread_by_citizen on thread (citizen_id, category) where unread and not archived;
  `,
  );
}
