import { sql, type Kysely } from 'kysely';

/**
 * The citizen's chosen language, kept with the citizen so a second device, the notices
 * and the printed letters all know it. Null until they choose: then the browser's
 * languages decide on the web, and Bokmål elsewhere. A nullable column without a
 * default is added without rewriting the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizen add column language text check (language in ('nb', 'nn', 'se', 'en'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizen drop column language`.execute(db);
}
