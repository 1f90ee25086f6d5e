import { sql, type Kysely } from 'kysely';

/**
 * Acting for others, finished.
 *
 * Forms for a represented person follow the letters' rules (migration 0016):
 * - `form_task.representative_access`: the code the sender gave on the Task (9603),
 *   null when none; checked at the moment a representative looks, like a thread's.
 * - `form_response.author_relation`: how the one who filled it in acts for the person
 *   (FO, FU, VE), null when the person did it themselves; the receipt and the sender's
 *   QuestionnaireResponse say who filled it in for whom.
 *
 * Notices of a child's letters go to the parents' own channels: such a notice is the
 * parent's (`notice.citizen_id`, their throttle, language and choice), and
 * `notice_letter.letter_citizen_id` names the child whose letter it stands for (null:
 * the notice's own citizen, as before).
 *
 * A parent's notice links to the child's letter, which lives under the child: the
 * link's foreign key (notice → the letter under the same citizen, migration 0022)
 * cannot hold it, and on Citus the two rows are on different shards anyway. The job
 * that writes the notice reads the letter in the same transaction, so the link is
 * kept by its one writer instead.
 *
 * Nullable columns without defaults: added without rewriting the tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table form_task add column representative_access text check (representative_access in ('N', 'NORN_FORANS', 'NORN_UNGDOM'))`.execute(db);
  await sql`alter table form_response add column author_relation text check (author_relation in ('FO', 'FU', 'VE'))`.execute(db);
  await sql`alter table notice_letter add column letter_citizen_id uuid`.execute(db);
  await sql`alter table notice_letter drop constraint if exists notice_letter_message_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notice_letter where letter_citizen_id is not null`.execute(db);
  await sql`alter table notice_letter add constraint notice_letter_message_id_fkey foreign key (citizen_id, message_id) references message (citizen_id, id)`.execute(db);
  await sql`alter table notice_letter drop column letter_citizen_id`.execute(db);
  await sql`alter table form_response drop column author_relation`.execute(db);
  await sql`alter table form_task drop column representative_access`.execute(db);
}
