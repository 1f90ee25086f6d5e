/**
 * Search that finds the parts of Norwegian compound words: "røntgen" finds
 * "røntgenundersøkelse", "blod" finds "blodprøver". Each word of the query, stemmed as
 * the `norwegian` configuration stems the letters' words, also matches as a prefix
 * (`:*`), so a compound's first part finds it. Whole-word hits rank first: a search is
 * two walks of the citizen's threads newest first (index `thread_search_walk`,
 * migration 0013), one for the words as written and one for the threads only the
 * prefixes find, each stopped at a page, the second only when the first leaves room;
 * the page is the first tier, then the second.
 * A word's later part ("prøver" in "blodprøver") is not found: that needs a dictionary
 * to split compounds, and every letter's words would grow with it.
 */
import { sql, type RawBuilder } from 'kysely';

/** Tier 0: the words as written (stemmed); tier 1: found only as a prefix of a longer word. */
export type SearchTier = 0 | 1;

export interface SearchCursor {
  at: Date;
  id: string;
  tier: SearchTier;
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
 * A search page's rows: inbox columns and `search_tier`, at most `limit + 1` per tier,
 * for the caller to order by tier, then newest first. `filters` are the page's other
 * conditions (citizen, archived, category), each on `thread`.
 */
export function searchPageSql(
  citizenId: RawBuilder<unknown> | string,
  query: string,
  filters: RawBuilder<unknown>[],
  after: SearchCursor | undefined,
  limit: number,
  columns: string,
): RawBuilder<unknown> {
  const before = after ? sql`(last_activity_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined;
  const walk = (tier: SearchTier, conditions: RawBuilder<unknown>[]) =>
    sql`select id as hit_id, ${sql.lit(tier)} as search_tier from thread
      where ${sql.join([...filters, ...conditions], sql` and `)}
      order by last_activity_at desc, id desc limit ${limit + 1}`;
  const whole = sql`search @@ ${wholeWords(query)}`;
  const prefixOnly = sql`search @@ ${prefixWords(query)} and not (${whole})`;
  // Only the page's own threads are read from the table; the walks stay in the index.
  const page = (hits: RawBuilder<unknown>) => sql`
    select ${sql.raw(columns)}, search_tier from thread
    join (${hits}) as hits on hits.hit_id = thread.id
    where citizen_id = ${citizenId}
    order by search_tier, last_activity_at desc, id desc limit ${limit + 1}`;
  // Past the first tier's last page, only the second is walked.
  if (after?.tier === 1) return page(walk(1, [prefixOnly, before!]));
  // The second walk runs only when the first leaves room on the page (a one-time filter
  // PostgreSQL checks before it starts that scan): a common word fills it with whole words.
  return sql`with whole as materialized (${walk(0, before ? [whole, before] : [whole])})
    ${page(sql`select hit_id, search_tier from whole union all (${walk(1, [prefixOnly, sql`(select count(*) from whole) <= ${limit}`])})`)}`;
}
