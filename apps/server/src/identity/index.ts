/**
 * Identity: the embedded test identity provider, the citizen session, and sender
 * access token checks. See the module files for details.
 */
export {
  registerEmbeddedIdentityProvider,
  testLoginAcr,
  testLoginAmr,
  senderAccessTokenTtlSeconds,
  maxAssertionLifetimeSeconds,
  oidcRoutes,
  type EmbeddedIdentityProviderOptions,
} from './provider.ts';
export {
  registerCitizenAuth,
  requireCitizen,
  readAsCitizen,
  citizenOf,
  CitizenSessions,
  sessionCookieName,
  csrfCookieName,
  csrfHeaderName,
  requiredAcr,
  type CitizenAuthOptions,
  type CitizenContext,
} from './citizen-auth.ts';
export {
  createSenderTokenVerifier,
  SenderAuthenticationError,
  type SenderIdentity,
  type SenderTokenVerifierOptions,
} from './sender-token.ts';
export { purgeExpiredOidcPayloads } from './oidc-adapter.ts';
export { loadIdentityKeys } from './keys.ts';
export type { DemoPerson } from './pages.ts';
export {
  registerStaffAuth,
  requireStaff,
  staffOf,
  StaffSessions,
  staffSessionCookieName,
  staffCsrfCookieName,
  staffBasePath,
  staffApiPrefix,
  type StaffAuthOptions,
  type StaffContext,
} from './staff-auth.ts';
export { staffAccountId, type DemoStaffPerson } from './staff-pages.ts';
