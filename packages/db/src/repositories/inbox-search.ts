/**
 * Search that finds the parts of Norwegian compound words: "røntgen" finds
 * "røntgenundersøkelse", "blod" finds "blodprøver". Each word of the query, stemmed as
 * the `norwegian` configuration stems the letters' words, also matches as a prefix
 * (`:*`), so a compound's first part finds it.
 *
 * A search is one walk of the citizen's threads newest first (index
 * `thread_search_walk`, migration 0013, which holds each thread's words beside it),
 * stopped at a page of prefix matches; each hit is marked with whether it holds the
 * words as written, and the page shows those first (`search_tier` 0, then 1), each
 * newest first. Whole words thus rank first within each page of the newest matches,
 * not across all of them: ranking across all took a second walk for every search
 * whose whole words did not fill a page, and a heavy citizen's search passed their
 * threads twice (BENCHMARKS.md, "Heavy-citizen search").
 * A word's later part ("prøver" in "blodprøver") is not found: that needs a dictionary
 * to split compounds, and every letter's words would grow with it.
 */
import { sql, type RawBuilder } from 'kysely';

export interface SearchCursor {
  at: Date;
  id: string;
}

/**
 * Stems of three letters or more become prefixes: `'røntg' & 'svar'` → `'røntg':* & 'svar':*`.
 * Shorter stems stay whole, or "på" would find every "pål…" and "påminnelse".
 */
const lexeme = `'((?:[^']|''){3,})'`;
const asPrefix = `'\\1':*`;

export function wholeWords(query: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery('norwegian', ${query})`;
}

export function prefixWords(query: string): RawBuilder<unknown> {
  return sql`regexp_replace(websearch_to_tsquery('norwegian', ${query})::text, ${lexeme}, ${asPrefix}, 'g')::tsquery`;
}

/**
 * A search page's rows: inbox columns and `search_tier` (0: the words as written; 1:
 * only as a prefix of a longer word), at most `limit + 1`, newest first, for the caller
 * to show tier 0 first. `filters` are the page's other conditions (citizen, archived,
 * category), each on `thread`.
 */
export function searchPageSql(
  citizenId: RawBuilder<unknown> | string,
  query: string,
  filters: RawBuilder<unknown>[],
  after: SearchCursor | undefined,
  limit: number,
  columns: string,
): RawBuilder<unknown> {
  const conditions = [...filters, sql`search @@ ${prefixWords(query)}`];
  if (after) conditions.push(sql`(last_activity_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  // The tier is tested on the words the index entry already holds, for the page's hits only.
  const hits = sql`select id as hit_id, case when search @@ ${wholeWords(query)} then 0 else 1 end as search_tier from thread
    where ${sql.join(conditions, sql` and `)}
    order by last_activity_at desc, id desc limit ${limit + 1}`;
  // Only the page's own threads are read from the table; the walk stays in the index.
  return sql`select ${sql.raw(columns)}, search_tier from thread
    join (${hits}) as hits on hits.hit_id = thread.id
    where citizen_id = ${citizenId}
    order by last_activity_at desc, id desc limit ${limit + 1}`;
}
