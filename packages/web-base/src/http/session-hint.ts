import { nullWhenUnauthorized } from './api-error.ts';
import { readCookie } from './csrf.ts';

/**
 * Asks the server who is logged in only when there can be a session. The CSRF cookie
 * (readable by script) is set together with the session cookie at login and cleared
 * with it at logout and by the session endpoint's 401, so without it the answer is
 * known: nobody. A logged-out page load then makes no failing request.
 */
export function sessionIfLoggedIn<T>(csrfCookieName: string, ask: () => Promise<T>): Promise<T | null> {
  if (readCookie(csrfCookieName) === undefined) return Promise.resolve(null);
  return nullWhenUnauthorized(ask());
}
