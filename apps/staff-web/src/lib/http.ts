import { createHttpClient } from '@innboks/web-base/http';

export { isApiError, isUnauthorized, nullWhenUnauthorized, sessionIfLoggedIn } from '@innboks/web-base/http';

export const csrfCookieName = 'innboks_staff_csrf';

/**
 * The staff API: paths are relative to the app's base (/ansatt), and the CSRF token is in
 * `innboks_staff_csrf` (path /ansatt), apart from the citizen's.
 */
export const { request } = createHttpClient({ basePath: import.meta.env.BASE_URL, csrfCookieName });
