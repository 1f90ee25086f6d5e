/**
 * The citizen's session in the web app, after an OpenID Connect login (ID-porten in
 * production, the embedded test IdP otherwise) with openid-client v6:
 * authorization code + PKCE + state + nonce, `acr` must be `idporten-loa-high`,
 * `pid` is the national id. The session lives in `citizen_session` (the cookie holds a
 * random token, the row its sha256), ends after idle time or a maximum age, and every
 * state-changing request carries a CSRF token (double-submit cookie).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import * as oidc from 'openid-client';
import { preparedStatement, type Database } from '@innboks/db';
import type { Clock } from '@innboks/core';
import { problems } from '../http/problem.ts';
import { lazyOidcConfiguration, loginStateTtlSeconds, randomToken, registerDoubleSubmitCsrf, sendMessagePage, sessionLiveness, sha256 } from './web-session.ts';
import { safeReturnTo } from './return-to.ts';

export interface CitizenAuthOptions {
  db: Kysely<Database>;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Public base URL of the app, e.g. http://localhost:3000; redirect_uri is <publicUrl>/auth/callback. */
  publicUrl: string;
  idleTimeoutSeconds: number;
  maxAgeSeconds: number;
  clock: Clock;
  secureCookies: boolean;
}

export interface CitizenContext {
  citizenId: string;
  nationalId: string;
  name: string;
  sessionId: string;
}

export const sessionCookieName = 'innboks_session';
export const csrfCookieName = 'innboks_csrf';
export const csrfHeaderName = 'x-csrf-token';
const loginCookieName = 'innboks_login';
export const requiredAcr = 'idporten-loa-high';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireCitizen`; read it with `citizenOf(request)`. */
    citizen: CitizenContext | null;
  }
  interface FastifyInstance {
    citizenSessions: CitizenSessions;
  }
}


interface SessionRow {
  session_id: string;
  session_citizen_id: string;
  session_last_seen_at: Date;
  session_expires_at: Date;
  session_national_id: string;
  session_name: string;
}

/** The session's columns, named apart from those of a read joined to it (`resolveWith`). */
const sessionColumns =
  's.id as session_id, s.citizen_id as session_citizen_id, s.last_seen_at as session_last_seen_at, s.expires_at as session_expires_at, c.national_id as session_national_id, c.name as session_name';

/**
 * The session row (by its hashed id) and, for its citizen, a read joined to it: one
 * statement. `resolveWith` runs it and admits the session; the benchmark's raw ceiling
 * runs the very same statement straight with `pg`.
 */
export function sessionWithReadSql<Row extends object = Record<never, never>>(
  sessionId: string,
  read: ((citizenId: RawBuilder<string>) => RawBuilder<Row>) | undefined,
  options: { prepared: boolean },
): RawBuilder<SessionRow & Row> {
  const joined = read ? sql`, r.* from citizen_session s join citizen c on c.id = s.citizen_id left join lateral (${read(sql<string>`s.citizen_id`)}) as r on true` : sql` from citizen_session s join citizen c on c.id = s.citizen_id`;
  return sql<SessionRow & Row>`${sql.raw(options.prepared ? preparedStatement : '')}
      select ${sql.raw(sessionColumns)}${joined}
      where s.id = ${sessionId}`;
}

/** The stored id of the request's session cookie (its SHA-256), if it carries a plausible one. */
function sessionIdOf(request: FastifyRequest): string | undefined {
  const token = request.cookies?.[sessionCookieName];
  return token && token.length <= 200 ? sha256(token) : undefined;
}

/** 401 for a request without a live session; the answer is not to be cached. */
function refuseWithoutSession(reply: FastifyReply): never {
  reply.header('Cache-Control', 'no-store');
  throw problems.unauthenticated();
}

function sessionsOf(request: FastifyRequest): CitizenSessions {
  const sessions = request.server.citizenSessions;
  if (!sessions) throw new Error('registerCitizenAuth must be called before routes use requireCitizen or readAsCitizen');
  return sessions;
}

/** Looks sessions up, ends them, and refreshes them; one per app (`app.citizenSessions`). */
export class CitizenSessions {
  private readonly resolved = new WeakMap<FastifyRequest, Promise<CitizenContext | undefined>>();

  constructor(private readonly options: CitizenAuthOptions) {}

  get idleTimeoutSeconds(): number {
    return this.options.idleTimeoutSeconds;
  }

  /** The citizen behind the request's session cookie, or undefined (ended sessions are deleted). */
  resolve(request: FastifyRequest): Promise<CitizenContext | undefined> {
    let pending = this.resolved.get(request);
    if (!pending) {
      pending = this.lookup(sessionIdOf(request));
      this.resolved.set(request, pending);
    }
    return pending;
  }

  private async lookup(id: string | undefined): Promise<CitizenContext | undefined> {
    if (!id) return undefined;
    // Every citizen request asks this: plain SQL, not the query builder, to keep its server CPU small.
    const { rows } = await sessionWithReadSql(id, undefined, { prepared: true }).execute(this.options.db);
    return this.admit(id, rows[0]);
  }

  /**
   * The session and a read for its citizen in one statement: one round trip where a
   * screen needs both (the inbox). `read` gets the session's citizen id as a column of
   * the statement and must filter on it; what it found is given back only when the
   * session is live, by the same rule, ending and touching as `resolve`. Search
   * statements are sent unprepared (`prepared: false`), as everywhere.
   */
  async resolveWith<Row extends object>(
    request: FastifyRequest,
    read: (citizenId: RawBuilder<string>) => RawBuilder<Row>,
    options: { prepared: boolean },
  ): Promise<{ citizen: CitizenContext; row: Row } | undefined> {
    const id = sessionIdOf(request);
    if (!id) return undefined;
    const { rows } = await sessionWithReadSql(id, read, options).execute(this.options.db);
    const row = rows[0];
    const citizen = await this.admit(id, row);
    if (!citizen || !row) return undefined;
    this.resolved.set(request, Promise.resolve(citizen));
    return { citizen, row };
  }

  /** A stored session's citizen if it is live; an ended one is deleted, a live one touched when due. */
  private async admit(id: string, row: SessionRow | undefined): Promise<CitizenContext | undefined> {
    if (!row) return undefined;
    const { db, clock, idleTimeoutSeconds } = this.options;
    const now = clock.now().getTime();
    const liveness = sessionLiveness({ last_seen_at: row.session_last_seen_at, expires_at: row.session_expires_at }, now, idleTimeoutSeconds);
    if (liveness === 'ended') {
      await this.end(id);
      return undefined;
    }
    if (liveness === 'touch') {
      await db.updateTable('citizen_session').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
    }
    return { citizenId: row.session_citizen_id, nationalId: row.session_national_id, name: row.session_name, sessionId: row.session_id };
  }

  async create(citizenId: string, acr: string, idToken: string | undefined): Promise<string> {
    const token = randomToken();
    const now = this.options.clock.now();
    await this.options.db
      .insertInto('citizen_session')
      .values({
        id: sha256(token),
        citizen_id: citizenId,
        acr,
        id_token: idToken ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + this.options.maxAgeSeconds * 1000),
      })
      .execute();
    return token;
  }

  /** Ends a session by its id (the sha256 of the cookie token); returns its ID token, if any. */
  async end(sessionId: string): Promise<string | undefined> {
    const row = await this.options.db.deleteFrom('citizen_session').where('id', '=', sessionId).returning('id_token').executeTakeFirst();
    return row?.id_token ?? undefined;
  }

  async endByToken(token: string | undefined): Promise<{ ended: boolean; idToken: string | undefined }> {
    if (!token || token.length > 200) return { ended: false, idToken: undefined };
    const row = await this.options.db.deleteFrom('citizen_session').where('id', '=', sha256(token)).returning('id_token').executeTakeFirst();
    return { ended: row !== undefined, idToken: row?.id_token ?? undefined };
  }
}

/** Fastify preHandler: 401 problem unless the request has a live citizen session. */
export async function requireCitizen(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const citizen = await sessionsOf(request).resolve(request);
  if (!citizen) refuseWithoutSession(reply);
  request.citizen = citizen;
}

/**
 * `requireCitizen` and a read for the citizen in one statement (`CitizenSessions.resolveWith`):
 * 401 problem unless the session is live; then `request.citizen` is set and the read's row given.
 */
export async function readAsCitizen<Row extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  read: (citizenId: RawBuilder<string>) => RawBuilder<Row>,
  options: { prepared: boolean },
): Promise<Row> {
  const found = await sessionsOf(request).resolveWith(request, read, options);
  if (!found) refuseWithoutSession(reply);
  request.citizen = found.citizen;
  return found.row;
}

/** The logged-in citizen of a request that passed `requireCitizen`. */
export function citizenOf(request: FastifyRequest): CitizenContext {
  if (!request.citizen) throw problems.unauthenticated();
  return request.citizen;
}

export async function registerCitizenAuth(app: FastifyInstance, options: CitizenAuthOptions): Promise<void> {
  if (!app.hasRequestDecorator('cookies')) {
    await app.register(fastifyCookie);
  }
  const publicUrl = options.publicUrl.replace(/\/$/, '');
  const redirectUri = `${publicUrl}/auth/callback`;
  const sessions = new CitizenSessions(options);
  app.decorate('citizenSessions', sessions);
  app.decorateRequest('citizen', null);

  const baseCookie = { path: '/', secure: options.secureCookies } as const;
  const sessionCookie = { ...baseCookie, httpOnly: true, sameSite: 'lax' } as const;
  const csrfCookie = { ...baseCookie, httpOnly: false, sameSite: 'strict' } as const;
  const loginCookie = { path: '/auth/callback', secure: options.secureCookies, httpOnly: true, sameSite: 'lax', maxAge: loginStateTtlSeconds } as const;

  const oidcConfiguration = lazyOidcConfiguration(options);

  // CSRF: double-submit cookie for every state-changing request to the web API and logout.
  registerDoubleSubmitCsrf(app, {
    guarded: (path) => path.startsWith('/api/') || path === '/auth/logout',
    sessionCookieName,
    csrfCookieName,
    headerName: csrfHeaderName,
  });

  const htmlPage = (reply: FastifyReply, status: number, title: string, message: string, link = { href: '/', text: 'Til forsiden' }) =>
    sendMessagePage(reply, status, title, message, link);

  app.get<{ Querystring: { returnTo?: string } }>('/auth/login', async (request, reply) => {
    const returnTo = safeReturnTo(request.query.returnTo);
    let config: oidc.Configuration;
    try {
      config = await oidcConfiguration();
    } catch (error) {
      request.log.error({ err: error }, 'citizen login: identity provider discovery failed');
      return htmlPage(reply, 503, 'Innloggingen er ikke tilgjengelig', 'Vi får ikke kontakt med innloggingstjenesten akkurat nå. Prøv igjen om litt.', {
        href: `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
        text: 'Prøv igjen',
      });
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const token = randomToken();
    const now = options.clock.now();
    await options.db
      .deleteFrom('citizen_login_state')
      .where('expires_at', '<', now)
      .execute();
    await options.db
      .insertInto('citizen_login_state')
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
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: requiredAcr,
      ui_locales: 'nb',
    });
    return reply
      .header('Cache-Control', 'no-store')
      .setCookie(loginCookieName, token, loginCookie)
      .redirect(authorizationUrl.href, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/auth/callback', async (request, reply) => {
    const loginToken = request.cookies[loginCookieName];
    reply.clearCookie(loginCookieName, { path: loginCookie.path });
    const pending = loginToken
      ? await options.db.deleteFrom('citizen_login_state').where('id', '=', sha256(loginToken)).returningAll().executeTakeFirst()
      : undefined;
    if (!pending || new Date(pending.expires_at).getTime() <= options.clock.now().getTime()) {
      return htmlPage(reply, 400, 'Innloggingen er utløpt', 'Innloggingen tok for lang tid eller ble startet i en annen nettleser. Prøv igjen.', {
        href: '/auth/login',
        text: 'Logg inn på nytt',
      });
    }
    if (request.query.error) {
      const cancelled = request.query.error === 'access_denied';
      return htmlPage(
        reply,
        cancelled ? 400 : 502,
        cancelled ? 'Innloggingen ble avbrutt' : 'Innloggingen feilet',
        cancelled ? 'Du avbrøt innloggingen.' : 'Innloggingstjenesten svarte med en feil. Prøv igjen senere.',
      );
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
      request.log.warn({ err: error }, 'citizen login: code exchange failed');
      return htmlPage(reply, 400, 'Innloggingen feilet', 'Vi kunne ikke fullføre innloggingen. Prøv igjen.', {
        href: '/auth/login',
        text: 'Logg inn på nytt',
      });
    }
    const claims = tokens.claims();
    if (!claims || claims.acr !== requiredAcr) {
      return htmlPage(
        reply,
        403,
        'For lavt sikkerhetsnivå',
        'Innboks krever innlogging på høyt sikkerhetsnivå (for eksempel BankID eller MinID med app). Logg inn på nytt med en slik metode.',
        { href: '/auth/login', text: 'Logg inn på nytt' },
      );
    }
    const nationalId = typeof claims.pid === 'string' ? claims.pid : '';
    if (!/^\d{11}$/.test(nationalId)) {
      return htmlPage(reply, 403, 'Innloggingen manglet fødselsnummer', 'Innloggingstjenesten oppga ikke et gyldig fødselsnummer.');
    }
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : 'Innbygger';
    await options.db.insertInto('citizen').values({ national_id: nationalId, name }).onConflict((conflict) => conflict.column('national_id').doNothing()).execute();
    const citizen = await options.db.selectFrom('citizen').select('id').where('national_id', '=', nationalId).executeTakeFirstOrThrow();

    // A new login never continues an old session (no session fixation).
    await sessions.endByToken(request.cookies[sessionCookieName]);
    const sessionToken = await sessions.create(citizen.id, claims.acr, tokens.id_token);
    return reply
      .header('Cache-Control', 'no-store')
      .setCookie(sessionCookieName, sessionToken, sessionCookie)
      .setCookie(csrfCookieName, randomToken(), csrfCookie)
      .redirect(safeReturnTo(pending.return_to), 303);
  });

  app.post('/auth/logout', async (request, reply) => {
    const { idToken } = await sessions.endByToken(request.cookies[sessionCookieName]);
    reply.header('Cache-Control', 'no-store').clearCookie(sessionCookieName, { path: '/' }).clearCookie(csrfCookieName, { path: '/' });
    let redirectTo = '/';
    if (idToken) {
      try {
        const config = await oidcConfiguration();
        if (config.serverMetadata().end_session_endpoint) {
          redirectTo = oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${publicUrl}/` }).href;
        }
      } catch (error) {
        request.log.warn({ err: error }, 'citizen logout: identity provider unavailable; ended the local session only');
      }
    }
    return { redirectTo };
  });

  app.get('/api/session', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const citizen = await sessions.resolve(request);
    if (!citizen) throw problems.unauthenticated();
    // Make sure script has a CSRF token to send (e.g. the cookie was cleared by hand).
    if (!request.cookies[csrfCookieName]) reply.setCookie(csrfCookieName, randomToken(), csrfCookie);
    return { citizen: { name: citizen.name, nationalId: citizen.nationalId }, idleTimeoutSeconds: options.idleTimeoutSeconds };
  });
}
