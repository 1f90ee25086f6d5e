import { createHttpClient } from '@innboks/web-base/http';

export { isApiError, isUnauthorized, nullWhenUnauthorized, sessionIfLoggedIn } from '@innboks/web-base/http';

export const csrfCookieName = 'innboks_csrf';

/** The citizen API: served from the site root, CSRF token in the `innboks_csrf` cookie. */
export const { request } = createHttpClient({ basePath: import.meta.env.BASE_URL, csrfCookieName });
