import { sql, type Kysely } from 'kysely';

/**
 * A citizen's answer to a Dialogmelding goes back to whoever sent it, addressed as the
 * sender named itself in `MsgHead/Sender` (organisation, department). `counterpart`
 * keeps that name on the message in, so the answer's `Receiver` is the sender's own
 * words, department included (the address register knows only the HER-id's owner).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dialog_exchange add column counterpart jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dialog_exchange drop column counterpart`.execute(db);
}
