/**
 * The staff member's web login to the workspace (/ansatt/): HelseID in production, the
 * embedded test provider otherwise, wholly apart from the citizen's — its own client,
 * cookies (path /ansatt), session table and CSRF check on /ansatt/api.
 *
 * The token says who the person is (`helseid://claims/identity/pid`, security level
 * 4); whether they are staff at all, their name and the services they work in come
 * from our own database, read again on every request.
 */
import type { PrincipalOf, StaffSessionStore } from '@innboks/db';
import { staffClientScope } from '../provider/staff-pages.ts';
import type { AudienceSettings, WebAudience } from './web-login.ts';

export const staffBasePath = '/ansatt';
export const helseIdPidClaim = 'helseid://claims/identity/pid';
export const helseIdSecurityLevelClaim = 'helseid://claims/identity/security_level';
export const requiredSecurityLevel = '4';

export function staffAudience({ client, store, lifetimes }: AudienceSettings<StaffSessionStore>): WebAudience<PrincipalOf<'staff'>> {
  return {
    name: 'staff',
    basePath: staffBasePath,
    apiPrefix: `${staffBasePath}/api/`,
    cookies: { session: 'innboks_staff_session', csrf: 'innboks_staff_csrf', login: 'innboks_staff_login' },
    csrfHeader: 'x-csrf-token',
    client,
    lifetimes,
    // Always ask who is there: a shared workstation must never continue someone else's login.
    authorization: { scope: staffClientScope, prompt: 'login' },
    home: { href: `${staffBasePath}/` },
    retryWhenUnavailable: false,
    store,
    async admit(claims) {
      const pid = claims?.[helseIdPidClaim];
      if (!claims || claims[helseIdSecurityLevelClaim] !== requiredSecurityLevel || typeof pid !== 'string' || !/^\d{11}$/.test(pid)) {
        return { refused: { status: 403, says: 'staffLowLevel' } };
      }
      const staffId = await store.subjectForLogin(pid);
      if (!staffId) {
        return { refused: { status: 403, says: 'staffNotRegistered' } };
      }
      return { subjectId: staffId };
    },
    sessionBody: (staff) => ({ staff: { name: staff.name, hprNumber: staff.hprNumber, operator: staff.operator } }),
  };
}
