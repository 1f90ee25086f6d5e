import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { logoutResponseSchema, staffSessionSchema, type StaffSession } from '@innboks/contracts';
import { isApiError, request } from '../../lib/http.ts';

export const sessionKey = ['staff-session'] as const;

/** GET /ansatt/api/session. Logged out (401) resolves to null. */
export async function getSession(signal?: AbortSignal): Promise<StaffSession | null> {
  try {
    return await request('/ansatt/api/session', staffSessionSchema, { signal });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const useSession = () => useQuery(queryOptions({ queryKey: sessionKey, queryFn: ({ signal }) => getSession(signal), staleTime: 60_000 }));

/** POST /ansatt/auth/logout, then on to where the server says (the IdP's logout). */
export const useLogout = () =>
  useMutation({
    mutationFn: () => request('/ansatt/auth/logout', logoutResponseSchema, { method: 'POST' }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
