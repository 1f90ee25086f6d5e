/**
 * What the citizen's and the staff member's web sessions have in common (citizen-auth.ts,
 * staff-auth.ts): the cookie holds a random token and the database its sha256; a
 * session ends after idle time or a maximum age; every state-changing request carries
 * a CSRF token (double-submit cookie); the identity provider is discovered lazily.
 * The two stay apart in everything else — client, cookies, tables, claims.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as oidc from 'openid-client';
import { problems } from '../http/problem.ts';
import { renderMessagePage } from './pages.ts';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

/** How long a login may take between the redirect to the provider and the callback. */
export const loginStateTtlSeconds = 10 * 60;
/** last_seen_at is written at most this often. */
const touchIntervalMs = 60_000;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

function isLocalhost(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
}

/** A stored session's fate at `nowMs`: over (delete it), live and due a last_seen_at write, or live. */
export function sessionLiveness(row: { last_seen_at: Date | string; expires_at: Date | string }, nowMs: number, idleTimeoutSeconds: number): 'ended' | 'touch' | 'live' {
  const idleMs = nowMs - new Date(row.last_seen_at).getTime();
  if (nowMs >= new Date(row.expires_at).getTime() || idleMs > idleTimeoutSeconds * 1000) return 'ended';
  return idleMs >= touchIntervalMs ? 'touch' : 'live';
}

/**
 * The provider's configuration, discovered on first use (in embedded mode the issuer
 * is this very server, not listening yet at start) and again after a failure.
 */
export function lazyOidcConfiguration(options: { issuer: string; clientId: string; clientSecret: string }): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | undefined;
  return () => {
    discovered ??= (async () => {
      const issuer = new URL(options.issuer);
      const insecure = issuer.protocol === 'http:' && isLocalhost(issuer);
      return oidc.discovery(issuer, options.clientId, { client_secret: options.clientSecret }, oidc.ClientSecretBasic(options.clientSecret), {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
}

/**
 * CSRF: a state-changing request to a guarded path (as sent, percent-decoded, or as
 * routed) with a session cookie must echo the CSRF cookie in `headerName`.
 */
export function registerDoubleSubmitCsrf(
  app: FastifyInstance,
  options: { guarded: (path: string) => boolean; sessionCookieName: string; csrfCookieName: string; headerName: string },
): void {
  app.addHook('onRequest', async (request) => {
    if (!unsafeMethods.has(request.method)) return;
    const path = request.url.split('?')[0] ?? '';
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep the raw path
    }
    const route = request.routeOptions.url ?? '';
    if (!options.guarded(path) && !options.guarded(decoded) && !options.guarded(route)) return;
    const cookies = request.cookies ?? app.parseCookie(request.headers.cookie ?? '');
    // Without a session cookie there is no ambient authority to forge: the route answers 401 itself.
    if (!cookies[options.sessionCookieName]) return;
    const expected = cookies[options.csrfCookieName];
    const given = request.headers[options.headerName];
    if (!expected || typeof given !== 'string' || !sameSecret(given, expected)) throw problems.csrf();
  });
}

/** A plain HTML page for the ends of a login that went wrong. */
export function sendMessagePage(reply: FastifyReply, status: number, title: string, message: string, link: { href: string; text: string }) {
  return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(renderMessagePage(title, message, link));
}
