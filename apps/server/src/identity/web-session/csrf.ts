/**
 * CSRF: a state-changing request to a guarded path (as sent, percent-decoded, or as
 * routed) with a session cookie must echo the CSRF cookie in a header (double-submit).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/problem.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

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
