/**
 * The staff member's session in the staff workspace (/ansatt/), after an OpenID
 * Connect login at HelseID (the embedded test IdP otherwise), in the same style as
 * the citizen's (citizen-auth.ts) but wholly apart from it: its own client, its own
 * cookies (`innboks_staff_session`, `innboks_staff_csrf`, path /ansatt), its own
 * session table and its own CSRF check on every state-changing /ansatt/api request.
 *
 * The token says who the person is (`helseid://claims/identity/pid`, security level
 * 4); whether they are staff at all, their name and the services they work in come
 * from our own database, read again on every request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Database } from '@innboks/db';
import type { Clock } from '@innboks/core';
import { problems } from '../http/problem.ts';
import { lazyOidcConfiguration, loginStateTtlSeconds, randomToken, registerDoubleSubmitCsrf, sendMessagePage, sessionLiveness, sha256 } from './web-session.ts';
import { safeReturnTo } from './return-to.ts';
import { staffClientScope } from './staff-pages.ts';

export interface StaffAuthOptions {
  db: Kysely<Database>;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** redirect_uri is <publicUrl>/ansatt/auth/callback. */
  publicUrl: string;
  idleTimeoutSeconds: number;
  maxAgeSeconds: number;
  clock: Clock;
  secureCookies: boolean;
}

export interface StaffContext {
  staffId: string;
  name: string;
  hprNumber: string | null;
  sessionId: string;
}

export const staffBasePath = '/ansatt';
export const staffApiPrefix = '/ansatt/api/';
export const staffSessionCookieName = 'innboks_staff_session';
export const staffCsrfCookieName = 'innboks_staff_csrf';
const staffLoginCookieName = 'innboks_staff_login';
export const staffCsrfHeaderName = 'x-csrf-token';
export const helseIdPidClaim = 'helseid://claims/identity/pid';
export const helseIdSecurityLevelClaim = 'helseid://claims/identity/security_level';
export const requiredSecurityLevel = '4';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireStaff`; read it with `staffOf(request)`. */
    staff: StaffContext | null;
  }
  interface FastifyInstance {
    staffSessions: StaffSessions;
  }
}


export class StaffSessions {
  private readonly resolved = new WeakMap<FastifyRequest, Promise<StaffContext | undefined>>();

  constructor(private readonly options: StaffAuthOptions) {}

  resolve(request: FastifyRequest): Promise<StaffContext | undefined> {
    let pending = this.resolved.get(request);
    if (!pending) {
      pending = this.lookup(request.cookies?.[staffSessionCookieName]);
      this.resolved.set(request, pending);
    }
    return pending;
  }

  private async lookup(token: string | undefined): Promise<StaffContext | undefined> {
    if (!token || token.length > 200) return undefined;
    const { db, clock, idleTimeoutSeconds } = this.options;
    const id = sha256(token);
    const row = await db
      .selectFrom('staff_session')
      .innerJoin('staff_member', 'staff_member.id', 'staff_session.staff_id')
      .select(['staff_session.id', 'staff_session.staff_id', 'staff_session.last_seen_at', 'staff_session.expires_at', 'staff_member.name', 'staff_member.hpr_number'])
      .where('staff_session.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = clock.now().getTime();
    const liveness = sessionLiveness(row, now, idleTimeoutSeconds);
    if (liveness === 'ended') {
      await this.end(id);
      return undefined;
    }
    if (liveness === 'touch') {
      await db.updateTable('staff_session').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
    }
    return { staffId: row.staff_id, name: row.name, hprNumber: row.hpr_number, sessionId: row.id };
  }

  async create(staffId: string, idToken: string | undefined): Promise<string> {
    const token = randomToken();
    const now = this.options.clock.now();
    await this.options.db
      .insertInto('staff_session')
      .values({
        id: sha256(token),
        staff_id: staffId,
        id_token: idToken ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + this.options.maxAgeSeconds * 1000),
      })
      .execute();
    return token;
  }

  async end(sessionId: string): Promise<void> {
    await this.options.db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
  }

  async endByToken(token: string | undefined): Promise<{ idToken: string | undefined }> {
    if (!token || token.length > 200) return { idToken: undefined };
    const row = await this.options.db.deleteFrom('staff_session').where('id', '=', sha256(token)).returning('id_token').executeTakeFirst();
    return { idToken: row?.id_token ?? undefined };
  }
}

/** Fastify preHandler: 401 problem unless the request has a live staff session. */
export async function requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const sessions = request.server.staffSessions;
  if (!sessions) throw new Error('registerStaffAuth must be called before routes use requireStaff');
  const staff = await sessions.resolve(request);
  if (!staff) {
    reply.header('Cache-Control', 'no-store');
    throw problems.unauthenticated();
  }
  request.staff = staff;
}

export function staffOf(request: FastifyRequest): StaffContext {
  if (!request.staff) throw problems.unauthenticated();
  return request.staff;
}

export async function registerStaffAuth(app: FastifyInstance, options: StaffAuthOptions): Promise<void> {
  const publicUrl = options.publicUrl.replace(/\/$/, '');
  const redirectUri = `${publicUrl}${staffBasePath}/auth/callback`;
  const sessions = new StaffSessions(options);
  app.decorate('staffSessions', sessions);
  app.decorateRequest('staff', null);

  const baseCookie = { path: staffBasePath, secure: options.secureCookies } as const;
  const sessionCookie = { ...baseCookie, httpOnly: true, sameSite: 'lax' } as const;
  const csrfCookie = { ...baseCookie, httpOnly: false, sameSite: 'strict' } as const;
  const loginCookie = { path: `${staffBasePath}/auth/callback`, secure: options.secureCookies, httpOnly: true, sameSite: 'lax', maxAge: loginStateTtlSeconds } as const;
  const home = `${staffBasePath}/`;

  const oidcConfiguration = lazyOidcConfiguration(options);

  // CSRF for the staff API: double-submit with the staff's own cookie.
  registerDoubleSubmitCsrf(app, {
    guarded: (path) => path.startsWith(staffApiPrefix) || path === `${staffBasePath}/auth/logout`,
    sessionCookieName: staffSessionCookieName,
    csrfCookieName: staffCsrfCookieName,
    headerName: staffCsrfHeaderName,
  });

  const htmlPage = (reply: FastifyReply, status: number, title: string, message: string, link = { href: home, text: 'Til forsiden for ansatte' }) =>
    sendMessagePage(reply, status, title, message, link);

  const staffReturnTo = (value: unknown) => {
    const path = safeReturnTo(value, home);
    return path === staffBasePath || path.startsWith(`${staffBasePath}/`) ? path : home;
  };

  app.get<{ Querystring: { returnTo?: string } }>(`${staffBasePath}/auth/login`, async (request, reply) => {
    const returnTo = staffReturnTo(request.query.returnTo);
    let config: oidc.Configuration;
    try {
      config = await oidcConfiguration();
    } catch (error) {
      request.log.error({ err: error }, 'staff login: identity provider discovery failed');
      return htmlPage(reply, 503, 'Innloggingen er ikke tilgjengelig', 'Vi får ikke kontakt med HelseID akkurat nå. Prøv igjen om litt.');
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const token = randomToken();
    const now = options.clock.now();
    await options.db.deleteFrom('staff_login_state').where('expires_at', '<', now).execute();
    await options.db
      .insertInto('staff_login_state')
      .values({
        id: sha256(token),
        state,
        nonce,
        code_verifier: codeVerifier,
        return_to: returnTo,
        created_at: now,
        expires_at: new Date(now.getTime() + loginStateTtlSeconds * 1000),
      })
      .execute();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: staffClientScope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Always ask who is there: a shared workstation must never continue someone else's login.
      prompt: 'login',
      ui_locales: 'nb',
    });
    return reply.header('Cache-Control', 'no-store').setCookie(staffLoginCookieName, token, loginCookie).redirect(authorizationUrl.href, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${staffBasePath}/auth/callback`, async (request, reply) => {
    const loginToken = request.cookies[staffLoginCookieName];
    reply.clearCookie(staffLoginCookieName, { path: loginCookie.path });
    const pending = loginToken
      ? await options.db.deleteFrom('staff_login_state').where('id', '=', sha256(loginToken)).returningAll().executeTakeFirst()
      : undefined;
    if (!pending || new Date(pending.expires_at).getTime() <= options.clock.now().getTime()) {
      return htmlPage(reply, 400, 'Innloggingen er utløpt', 'Innloggingen tok for lang tid eller ble startet i en annen nettleser. Prøv igjen.', {
        href: `${staffBasePath}/auth/login`,
        text: 'Logg inn på nytt',
      });
    }
    if (request.query.error) {
      const cancelled = request.query.error === 'access_denied';
      return htmlPage(reply, cancelled ? 400 : 502, cancelled ? 'Innloggingen ble avbrutt' : 'Innloggingen feilet', cancelled ? 'Du avbrøt innloggingen.' : 'HelseID svarte med en feil. Prøv igjen senere.');
    }
    const config = await oidcConfiguration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, new URL(request.url, publicUrl), {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      request.log.warn({ err: error }, 'staff login: code exchange failed');
      return htmlPage(reply, 400, 'Innloggingen feilet', 'Vi kunne ikke fullføre innloggingen. Prøv igjen.', { href: `${staffBasePath}/auth/login`, text: 'Logg inn på nytt' });
    }
    const claims = tokens.claims();
    const pid = claims?.[helseIdPidClaim];
    if (!claims || claims[helseIdSecurityLevelClaim] !== requiredSecurityLevel || typeof pid !== 'string' || !/^\d{11}$/.test(pid)) {
      return htmlPage(reply, 403, 'For lavt sikkerhetsnivå', 'Arbeidsflaten for ansatte krever innlogging med HelseID på sikkerhetsnivå 4.');
    }
    const staff = await options.db.selectFrom('staff_member').select(['id']).where('national_id', '=', pid).executeTakeFirst();
    if (!staff) {
      return htmlPage(reply, 403, 'Du har ikke tilgang', 'Du er ikke registrert som ansatt i en kommunal helse- og omsorgstjeneste i Innboks. Kontakt lederen din.');
    }
    await sessions.endByToken(request.cookies[staffSessionCookieName]);
    const sessionToken = await sessions.create(staff.id, tokens.id_token);
    return reply
      .header('Cache-Control', 'no-store')
      .setCookie(staffSessionCookieName, sessionToken, sessionCookie)
      .setCookie(staffCsrfCookieName, randomToken(), csrfCookie)
      .redirect(staffReturnTo(pending.return_to), 303);
  });

  app.post(`${staffBasePath}/auth/logout`, async (request, reply) => {
    const { idToken } = await sessions.endByToken(request.cookies[staffSessionCookieName]);
    reply.header('Cache-Control', 'no-store').clearCookie(staffSessionCookieName, { path: staffBasePath }).clearCookie(staffCsrfCookieName, { path: staffBasePath });
    let redirectTo = home;
    if (idToken) {
      try {
        const config = await oidcConfiguration();
        if (config.serverMetadata().end_session_endpoint) {
          redirectTo = oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${publicUrl}${home}` }).href;
        }
      } catch (error) {
        request.log.warn({ err: error }, 'staff logout: identity provider unavailable; ended the local session only');
      }
    }
    return { redirectTo };
  });

  app.get(`${staffApiPrefix}session`, { preHandler: requireStaff }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const staff = staffOf(request);
    if (!request.cookies[staffCsrfCookieName]) reply.setCookie(staffCsrfCookieName, randomToken(), csrfCookie);
    return { staff: { name: staff.name, hprNumber: staff.hprNumber }, idleTimeoutSeconds: options.idleTimeoutSeconds };
  });
}

