import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration's SQL one statement at a time: both drivers send queries as
 * prepared statements, which take a single command each. Statements are split on a
 * semicolon at the end of a line, so keep function bodies out of these scripts.
 */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
