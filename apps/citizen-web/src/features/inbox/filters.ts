import { inboxCategorySchema } from '@innboks/contracts';
import type { InboxFilters } from '../../lib/query-keys.ts';

/** Longest search the server accepts (`inboxQuerySchema.q`). */
export const maxQueryLength = 200;

/** Reads the inbox filters from the page URL; unknown values are ignored, not errors. */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const category = inboxCategorySchema.safeParse(params.get('category'));
  const q = params.get('q')?.trim().slice(0, maxQueryLength);
  return {
    category: category.success ? category.data : undefined,
    q: q ? q : undefined,
    archived: params.get('archived') === 'true',
  };
}

/** The page URL's query string for these filters (the same names the API uses). */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.q) params.set('q', filters.q);
  if (filters.archived) params.set('archived', 'true');
  const search = params.toString();
  return search ? `?${search}` : '';
}
