import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { inboxPageSchema, type InboxPage, type InboxQuery, type InboxSearch } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys, type InboxFilters } from '../../../lib/query-keys.ts';

export const inboxPageSize = 20;

/**
 * One page of threads, newest activity first, plus the unread counts: GET /api/inbox, or
 * with search words POST /api/inbox/search, so the words are never in a URL.
 */
export function getInbox(filters: InboxFilters, cursor: string | null, signal?: AbortSignal): Promise<InboxPage> {
  const fields = {
    category: filters.category,
    archived: filters.archived ? ('true' as const) : ('false' as const),
    cursor: cursor ?? undefined,
    limit: inboxPageSize,
  };
  if (filters.q) {
    const search: InboxSearch = { ...fields, q: filters.q };
    return request('/api/inbox/search', inboxPageSchema, { method: 'POST', body: search, signal });
  }
  const query: InboxQuery = fields;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return request(`/api/inbox?${params.toString()}`, inboxPageSchema, { signal });
}

/** Keyset paging: each page hands over the cursor for the next; "Vis flere" appends it. */
export const inboxQueryOptions = (filters: InboxFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.inbox.list(filters),
    queryFn: ({ pageParam, signal }) => getInbox(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/** The previous list stays on screen while another category or search loads. */
export const useInbox = (filters: InboxFilters) =>
  useInfiniteQuery({ ...inboxQueryOptions(filters), placeholderData: keepPreviousData });
