import { createHttpClient } from '@innboks/web-base/http';

export { isApiError, isUnauthorized, nullWhenUnauthorized } from '@innboks/web-base/http';

/** The citizen API: served from the site root, CSRF token in the `innboks_csrf` cookie. */
export const { request } = createHttpClient({ basePath: import.meta.env.BASE_URL, csrfCookieName: 'innboks_csrf' });
