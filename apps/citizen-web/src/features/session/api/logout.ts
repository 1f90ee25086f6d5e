import { useMutation } from '@tanstack/react-query';
import { logoutResponseSchema } from '@innboks/contracts';
import { isUnauthorized, request } from '../../../lib/http.ts';
import { markLoggedOut } from '../logged-out-marker.ts';

/** POST /auth/logout ends the session on the server and names where the browser goes next. */
export async function logout(): Promise<string> {
  try {
    const { redirectTo } = await request('/auth/logout', logoutResponseSchema, { method: 'POST' });
    return redirectTo;
  } catch (error) {
    // Already logged out: nothing to end, go to the start page.
    if (isUnauthorized(error)) return '/';
    throw error;
  }
}

/** Only web addresses; never a `javascript:` URL, whatever the answer says. */
function safeDestination(redirectTo: string): string {
  const url = new URL(redirectTo, window.location.origin);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '/';
}

/** Logging out leaves the app with a full page load, which also drops every cached letter. */
export const useLogout = () =>
  useMutation({
    mutationFn: logout,
    onSuccess: (redirectTo) => {
      markLoggedOut();
      window.location.assign(safeDestination(redirectTo));
    },
  });
