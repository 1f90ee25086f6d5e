/**
 * Many rows as one parameter: a batch of letters or notices goes to PostgreSQL as a
 * JSON array and comes out as a table, so a batch costs one statement, not one a row.
 */
import { sql, type RawBuilder } from 'kysely';

/** `jsonb_to_recordset($1) as alias(columns)`; columns as in SQL, e.g. `citizen_id uuid, id uuid`. */
export function recordset(rows: readonly object[], alias: string, columns: string): RawBuilder<unknown> {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(alias)}(${sql.raw(columns)})`;
}
