/**
 * Limits on the requests that cost us a row or a signature check and that anyone can
 * send without a session: the token endpoint (a client assertion to verify, its `jti`
 * stored), the start of a web login (`/auth/login` stores a login state) and the
 * embedded provider's authorization and login pages. Counted per client address
 * (behind the proxy in production: `trustProxy`) and per group, in this process;
 * over the limit the answer is 429 with `Retry-After`. Other routes need a session
 * or a token first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import { problem } from './problem.ts';

type LimitedGroup = 'token' | 'login';

function groupOf(request: FastifyRequest): LimitedGroup | undefined {
  const path = request.url.split('?')[0]!;
  if (request.method === 'POST' && path === '/oidc/token') return 'token';
  if (path === '/auth/login' || path === '/ansatt/auth/login' || path.startsWith('/oidc/auth') || path.startsWith('/oidc/interaction/')) return 'login';
  return undefined;
}

export async function registerRateLimits(app: FastifyInstance, limits: Config['rateLimits']): Promise<void> {
  const perMinute: Record<LimitedGroup, number> = { token: limits.tokenPerMinute, login: limits.loginPerMinute };
  await app.register(fastifyRateLimit, { global: false, cache: 20_000 });
  const limiters = Object.fromEntries(
    (Object.keys(perMinute) as LimitedGroup[])
      .filter((group) => perMinute[group] > 0)
      .map((group) => [group, app.createRateLimit({ max: perMinute[group], timeWindow: 60_000, keyGenerator: (request) => `${group}:${request.ip}` })]),
  ) as Partial<Record<LimitedGroup, ReturnType<FastifyInstance['createRateLimit']>>>;

  app.addHook('onRequest', async (request) => {
    const group = groupOf(request);
    const limiter = group ? limiters[group] : undefined;
    if (!limiter) return;
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = String(Math.max(1, result.ttlInSeconds));
    throw problem(429, 'tooManyRequests', { params: { seconds: Number(seconds) }, headers: { 'retry-after': seconds } });
  });
}
