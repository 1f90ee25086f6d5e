import { queryOptions, useQuery } from '@tanstack/react-query';
import { letterSchema, type Letter } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/letters/:id: the thread, oldest message first. The server marks it read. */
export function getLetter(id: string, signal?: AbortSignal): Promise<Letter> {
  return request(`/api/letters/${encodeURIComponent(id)}`, letterSchema, { signal });
}

export const letterQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.letter.detail(id),
    queryFn: async ({ signal, client }) => {
      const letter = await getLetter(id, signal);
      // Opening marked it read, so the inbox's unread markers and counts are now out of date.
      void client.invalidateQueries({ queryKey: queryKeys.inbox.all });
      return letter;
    },
    // Every fetch marks the letter read; don't do that behind the citizen's back on tab focus.
    refetchOnWindowFocus: false,
    // Opening a letter is reading it: always fetch, so an answer that just arrived in the thread shows.
    staleTime: 0,
  });

export const useLetter = (id: string) => useQuery(letterQueryOptions(id));
