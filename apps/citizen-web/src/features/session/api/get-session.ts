import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionSchema, type Session } from '@innboks/contracts';
import { csrfCookieName, request, sessionIfLoggedIn } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/session, when there can be a session. Logged out (no CSRF cookie, or 401) is an answer, not an error: it resolves to null. */
export function getSession(signal?: AbortSignal): Promise<Session | null> {
  return sessionIfLoggedIn(csrfCookieName, () => request('/api/session', sessionSchema, { signal }));
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });

export const useSession = () => useQuery(sessionQueryOptions());
