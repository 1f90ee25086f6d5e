import { inboxCategorySchema } from '@innboks/contracts';
import { inboxQueryFrom } from '../../lib/navigation-state.ts';
import type { InboxFilters } from '../../lib/query-keys.ts';

/** Longest search the server accepts (`inboxSearchSchema.q`). */
export const maxQueryLength = 200;

/**
 * Reads the inbox filters: category and view from the page URL, the search from history
 * state (never the URL: it is a health detail). Unknown values are ignored, not errors.
 */
export function parseInboxFilters(params: URLSearchParams, state: unknown): InboxFilters {
  const category = inboxCategorySchema.safeParse(params.get('category'));
  const q = inboxQueryFrom(state)?.trim().slice(0, maxQueryLength);
  return {
    category: category.success ? category.data : undefined,
    q: q ? q : undefined,
    archived: params.get('archived') === 'true',
  };
}

/** The page URL's query string for these filters: category and view only, never the search. */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.archived) params.set('archived', 'true');
  const search = params.toString();
  return search ? `?${search}` : '';
}
