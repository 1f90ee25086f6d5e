import { describe, expect, test } from 'vitest';
import Fastify from 'fastify';
import { registerSecurityHeaders } from './security-headers.ts';

describe('security headers', () => {
  test('every response carries the policy, nosniff and frame denial, and a route may still set its own', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, {
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: false,
    });
    app.get('/plain', async () => ({ ok: true }));
    app.get('/framed', async (_request, reply) => reply.header('x-frame-options', 'DENY').send({ ok: true }));
    app.get('/raw', (_request, reply) => {
      reply.hijack();
      reply.raw.end('raw');
    });
    for (const url of ['/plain', '/raw', '/missing']) {
      const response = await app.inject({ url });
      expect(response.headers['content-security-policy']).toBe("default-src 'self';script-src 'self';frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    expect((await app.inject({ url: '/framed' })).headers['x-frame-options']).toBe('DENY');
    expect((await app.inject({ url: '/plain' })).headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });

  test('in production the browser is told to keep to HTTPS', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { strictTransportSecurity: true });
    app.get('/', async () => 'ok');
    expect((await app.inject({ url: '/' })).headers['strict-transport-security']).toContain('max-age=');
    await app.close();
  });
});
