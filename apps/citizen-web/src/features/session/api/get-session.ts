import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionSchema, type Session } from '@innboks/contracts';
import { isUnauthorized, request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/session. Logged out (401) is an answer, not an error: it resolves to null. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await request('/api/session', sessionSchema, { signal });
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });

export const useSession = () => useQuery(sessionQueryOptions());
