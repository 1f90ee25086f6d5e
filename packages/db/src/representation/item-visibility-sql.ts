/**
 * The rule table's answer (`itemsVisibleTo`, @innboks/core) as a condition on a row's
 * `representative_access` column. The codes go in as literals, so one viewer kind is
 * one statement text (prepared statements stay few).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ItemVisibility } from '@innboks/core';

export function visibleItemsSql(visibility: ItemVisibility, column: string | RawBuilder<string | null>): RawBuilder<boolean> {
  if (visibility === 'none') return sql<boolean>`false`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  const codes = sql.join(visibility.codes.map((code) => sql.lit(code)));
  return visibility.unmarked ? sql<boolean>`(${ref} is null or ${ref} in (${codes}))` : sql<boolean>`(${ref} in (${codes}))`;
}

/** The rows a viewer does not see, among those that can be hidden at all (so the partial index serves the common case). */
export function hiddenItemsSql(visibility: ItemVisibility, column: string): RawBuilder<boolean> {
  const ref = sql.ref(column);
  if (visibility === 'none') return sql<boolean>`true`;
  const codes = sql.join(visibility.codes.map((code) => sql.lit(code)));
  return visibility.unmarked ? sql<boolean>`(${ref} is not null and ${ref} not in (${codes}))` : sql<boolean>`(${ref} is null or ${ref} not in (${codes}))`;
}
