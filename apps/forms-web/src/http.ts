import { createHttpClient } from '@innboks/web-base/http';

export { isApiError } from '@innboks/web-base/http';

/** The citizen API at the site root, with the citizen's session and CSRF cookie: the same login as the inbox. */
export const { request } = createHttpClient({ basePath: '/', csrfCookieName: 'innboks_csrf' });
