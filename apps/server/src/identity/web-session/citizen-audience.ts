/**
 * The citizen's web login: ID-porten in production, the embedded test provider
 * otherwise. `acr` must be `idporten-loa-high`, `pid` is the national id; the citizen
 * is made on first login. Cookies on the whole site, the web API under /api/.
 */
import type { CitizenSessionStore, PrincipalOf } from '@innboks/db';
import type { AudienceSettings, WebAudience } from './web-login.ts';

export const sessionCookieName = 'innboks_session';
export const csrfCookieName = 'innboks_csrf';
export const csrfHeaderName = 'x-csrf-token';
export const requiredAcr = 'idporten-loa-high';
/** The citizen web app's page for a login below `requiredAcr`. */
export const securityLevelPagePath = '/innlogging/sikkerhetsniva';

export function citizenAudience({ client, store, lifetimes }: AudienceSettings<CitizenSessionStore>): WebAudience<PrincipalOf<'citizen'>> {
  return {
    name: 'citizen',
    basePath: '',
    apiPrefix: '/api/',
    cookies: { session: sessionCookieName, csrf: csrfCookieName, login: 'innboks_login' },
    csrfHeader: csrfHeaderName,
    client,
    lifetimes,
    authorization: { scope: 'openid profile', acr_values: requiredAcr },
    home: { href: '/' },
    retryWhenUnavailable: true,
    store,
    async admit(claims) {
      if (!claims || claims.acr !== requiredAcr) {
        // The web app's page explains it and offers a fresh login at the right level (`prompt=login`, `acr_values`).
        return { refused: { status: 403, says: 'citizenLowLevel', link: 'loginAgain', appPath: securityLevelPagePath } };
      }
      const nationalId = typeof claims.pid === 'string' ? claims.pid : '';
      if (!/^\d{11}$/.test(nationalId)) {
        return { refused: { status: 403, says: 'citizenNoNationalId' } };
      }
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : 'Innbygger';
      return { subjectId: await store.subjectForLogin(nationalId, name), acr: claims.acr };
    },
    sessionBody: (citizen) => ({ citizen: { name: citizen.name, nationalId: citizen.nationalId } }),
  };
}
