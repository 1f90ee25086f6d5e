/**
 * The web login, one module for every audience (citizens at /auth, staff at
 * /ansatt/auth): an OpenID Connect login with openid-client v6 — authorization code +
 * PKCE + state + nonce — that ends in a web session (web-sessions.ts), logout at the
 * provider too, `<api>session` for the web app, and a CSRF check (double-submit
 * cookie) on every state-changing request to the audience's API. What differs between
 * audiences — provider client, required claims, cookies, paths, texts — is a
 * `WebAudience` (citizen-audience.ts, staff-audience.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import * as oidc from 'openid-client';
import type { Clock } from '@innboks/core';
import type { WebSessionStore } from '@innboks/db';
import { problems } from '../../http/problem.ts';
import { renderMessagePage } from '../provider/pages.ts';
import type { RequestLanguage } from '../../language/request-language.ts';
import { loginPageWords, type LoginPageKey } from './login-page-words.ts';
import { registerDoubleSubmitCsrf } from './csrf.ts';
import { lazyOidcConfiguration, type OidcClient } from './oidc-client.ts';
import { safeReturnTo } from './return-to.ts';
import { randomToken, sha256, WebSessions } from './web-sessions.ts';

/** How long a login may take between the redirect to the provider and the callback. */
export const loginStateTtlSeconds = 10 * 60;

export interface MessagePage {
  status: number;
  /** Its title and message in the visitor's language (login-page-words.ts). */
  says: LoginPageKey;
  /** Default: the audience's home. */
  link?: 'loginAgain' | 'retry';
  /** The web app's own page for this (styled, in the app's frame, with help): the browser goes there instead, with `returnTo`. */
  appPath?: string;
}

export interface SessionLifetimes {
  /** A session not used for this long ends. */
  idleTimeoutSeconds: number;
  /** A session ends this long after login, however active. */
  maxAgeSeconds: number;
}

/** What every audience is made from: its provider client, its session store and its sessions' lifetimes. */
export interface AudienceSettings<Store> {
  client: OidcClient;
  store: Store;
  lifetimes: SessionLifetimes;
}

export interface WebAudience<P> {
  /** Names the audience in logs. */
  name: 'citizen' | 'staff';
  /** Login, callback and logout live under `${basePath}/auth/`, and the cookies' path is the base ('' is the site root). */
  basePath: '' | `/${string}`;
  /** The audience's web API: every state-changing request needs the CSRF token, and `${apiPrefix}session` says who is logged in. */
  apiPrefix: string;
  cookies: { session: string; csrf: string; login: string };
  csrfHeader: string;
  client: OidcClient;
  lifetimes: SessionLifetimes;
  /** The authorization request's parameters beside the code flow's own (scope, acr_values, prompt). */
  authorization: Record<string, string>;
  /** The audience's home; its link's words are in login-page-words.ts. */
  home: { href: string };
  /** When the provider cannot be reached, offer to try again on that page, instead of the way home. */
  retryWhenUnavailable: boolean;
  store: WebSessionStore<P>;
  /** Who the provider's ID token names, or the page that tells why they may not come in. */
  admit(claims: oidc.IDToken | undefined): Promise<{ subjectId: string; acr?: string } | { refused: MessagePage }>;
  /** What `${apiPrefix}session` tells the web app about the logged-in principal. */
  sessionBody(principal: P): object;
}

export interface WebLoginOptions {
  /** Public base URL of the app, e.g. http://localhost:3000; redirect_uri is <publicUrl><basePath>/auth/callback. */
  publicUrl: string;
  clock: Clock;
  secureCookies: boolean;
  /** The provider is asked to show its login in the request's language (`ui_locales`); Bokmål without it. */
  language?: RequestLanguage;
}

/** Registers the audience's login, callback, logout and session routes and its CSRF check; gives its sessions. */
export async function registerWebLogin<P>(app: FastifyInstance, audience: WebAudience<P>, options: WebLoginOptions): Promise<WebSessions<P>> {
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  const { basePath, cookies, home } = audience;
  const publicUrl = options.publicUrl.replace(/\/$/, '');
  const authPath = `${basePath}/auth`;
  const redirectUri = `${publicUrl}${authPath}/callback`;
  const sessions = new WebSessions(audience.store, { cookieName: cookies.session, clock: options.clock, ...audience.lifetimes });
  const oidcConfiguration = lazyOidcConfiguration(audience.client);

  const cookiePath = basePath || '/';
  const sessionCookie = { path: cookiePath, secure: options.secureCookies, httpOnly: true, sameSite: 'lax' } as const;
  const csrfCookie = { path: cookiePath, secure: options.secureCookies, httpOnly: false, sameSite: 'strict' } as const;
  const loginCookie = { path: `${authPath}/callback`, secure: options.secureCookies, httpOnly: true, sameSite: 'lax', maxAge: loginStateTtlSeconds } as const;

  registerDoubleSubmitCsrf(app, {
    guarded: (path) => path.startsWith(audience.apiPrefix) || path === `${authPath}/logout`,
    sessionCookieName: cookies.session,
    csrfCookieName: cookies.csrf,
    headerName: audience.csrfHeader,
  });

  /** A page of the login's own, in the visitor's language. */
  const page = async (request: FastifyRequest, reply: FastifyReply, { status, says, link }: MessagePage, retryHref?: string) => {
    const language = options.language ? await options.language.of(request) : 'nb';
    const words = loginPageWords[language];
    const ours = words.audience[audience.name];
    const message = words.pages[says].message ?? (says === 'unavailable' || says === 'providerFailed' ? ours[says] : '');
    const to =
      link === 'loginAgain' ? { href: `${authPath}/login`, text: words.loginAgain } : link === 'retry' && retryHref ? { href: retryHref, text: words.retry } : { href: home.href, text: ours.home };
    const body = renderMessagePage(words.pages[says].title, message, to, language);
    return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(body);
  };

  /** Only a path on this site, and inside the audience's part of it. */
  const returnToOf = (value: unknown) => {
    const path = safeReturnTo(value, home.href);
    return !basePath || path === basePath || path.startsWith(`${basePath}/`) ? path : home.href;
  };

  app.get<{ Querystring: { returnTo?: string; prompt?: string } }>(`${authPath}/login`, async (request, reply) => {
    const returnTo = returnToOf(request.query.returnTo);
    // `prompt=login`: a fresh login, not the provider's remembered one (e.g. after one at too low a level).
    const fresh: Record<string, string> = request.query.prompt === 'login' ? { prompt: 'login' } : {};
    let config: oidc.Configuration;
    try {
      config = await oidcConfiguration();
    } catch (error) {
      request.log.error({ err: error }, `${audience.name} login: identity provider discovery failed`);
      const retry = `${authPath}/login?returnTo=${encodeURIComponent(returnTo)}`;
      return page(request, reply, { status: 503, says: 'unavailable', ...(audience.retryWhenUnavailable ? { link: 'retry' } : {}) }, retry);
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const token = randomToken();
    const now = options.clock.now();
    await audience.store.beginLogin({
      id: sha256(token),
      state,
      nonce,
      code_verifier: codeVerifier,
      return_to: returnTo,
      created_at: now,
      expires_at: new Date(now.getTime() + loginStateTtlSeconds * 1000),
    });
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...audience.authorization,
      ...fresh,
      ui_locales: options.language ? await options.language.of(request) : 'nb',
    });
    return reply.header('Cache-Control', 'no-store').setCookie(cookies.login, token, loginCookie).redirect(authorizationUrl.href, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${authPath}/callback`, async (request, reply) => {
    const loginToken = request.cookies[cookies.login];
    reply.clearCookie(cookies.login, { path: loginCookie.path });
    const pending = loginToken ? await audience.store.takeLogin(sha256(loginToken)) : undefined;
    if (!pending || new Date(pending.expires_at).getTime() <= options.clock.now().getTime()) {
      return page(request, reply, { status: 400, says: 'expired', link: 'loginAgain' });
    }
    if (request.query.error) {
      const cancelled = request.query.error === 'access_denied';
      return page(request, reply, cancelled ? { status: 400, says: 'cancelled' } : { status: 502, says: 'providerFailed' });
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
      request.log.warn({ err: error }, `${audience.name} login: code exchange failed`);
      return page(request, reply, { status: 400, says: 'failed', link: 'loginAgain' });
    }
    const admitted = await audience.admit(tokens.claims());
    if ('refused' in admitted) {
      const { appPath } = admitted.refused;
      if (!appPath) return page(request, reply, admitted.refused);
      const returnTo = encodeURIComponent(returnToOf(pending.return_to));
      return reply.header('Cache-Control', 'no-store').redirect(`${appPath}?returnTo=${returnTo}`, 303);
    }

    // A new login never continues an old session (no session fixation).
    await sessions.endByToken(request.cookies[cookies.session]);
    const sessionToken = await sessions.create(admitted.subjectId, admitted.acr, tokens.id_token);
    return reply
      .header('Cache-Control', 'no-store')
      .setCookie(cookies.session, sessionToken, sessionCookie)
      .setCookie(cookies.csrf, randomToken(), csrfCookie)
      .redirect(returnToOf(pending.return_to), 303);
  });

  app.post(`${authPath}/logout`, async (request, reply) => {
    const { idToken } = await sessions.endByToken(request.cookies[cookies.session]);
    reply.header('Cache-Control', 'no-store').clearCookie(cookies.session, { path: cookiePath }).clearCookie(cookies.csrf, { path: cookiePath });
    let redirectTo = home.href;
    if (idToken) {
      try {
        const config = await oidcConfiguration();
        if (config.serverMetadata().end_session_endpoint) {
          redirectTo = oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${publicUrl}${home.href}` }).href;
        }
      } catch (error) {
        request.log.warn({ err: error }, `${audience.name} logout: identity provider unavailable; ended the local session only`);
      }
    }
    return { redirectTo };
  });

  app.get(`${audience.apiPrefix}session`, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const principal = await sessions.resolve(request);
    if (!principal) {
      // The web app asks only while it holds a CSRF cookie; dropping it here means one 401, not one on every page load.
      reply.clearCookie(cookies.csrf, { path: cookiePath });
      throw problems.unauthenticated();
    }
    // Make sure script has a CSRF token to send (e.g. the cookie was cleared by hand).
    if (!request.cookies[cookies.csrf]) reply.setCookie(cookies.csrf, randomToken(), csrfCookie);
    return { ...audience.sessionBody(principal), idleTimeoutSeconds: audience.lifetimes.idleTimeoutSeconds };
  });

  return sessions;
}
