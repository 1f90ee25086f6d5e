import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffSessionSchema, type StaffSession } from '@innboks/contracts';
import { csrfCookieName, request, sessionIfLoggedIn } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /ansatt/api/session, when there can be a session. Logged out resolves to null. */
export function getSession(signal?: AbortSignal): Promise<StaffSession | null> {
  return sessionIfLoggedIn(csrfCookieName, () => request('/api/session', staffSessionSchema, { signal }));
}

export const useSession = () => useQuery(queryOptions({ queryKey: queryKeys.session, queryFn: ({ signal }) => getSession(signal), staleTime: 60_000 }));
