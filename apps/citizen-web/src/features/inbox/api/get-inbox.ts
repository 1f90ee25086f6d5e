import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { inboxPageSchema, type InboxPage, type InboxQuery } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys, type InboxFilters } from '../../../lib/query-keys.ts';

export const inboxPageSize = 20;

/** GET /api/inbox: one page of threads, newest activity first, plus the unread counts. */
export function getInbox(filters: InboxFilters, cursor: string | null, signal?: AbortSignal): Promise<InboxPage> {
  const query: InboxQuery = {
    category: filters.category,
    q: filters.q,
    archived: filters.archived ? 'true' : 'false',
    cursor: cursor ?? undefined,
    limit: inboxPageSize,
  };
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
