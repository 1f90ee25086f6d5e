import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { CookieJar } from '../testing/cookie-jar.ts';

describe('Citizen login security level', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server?.close());

  async function logInAt(securityLevel: 'high' | 'substantial') {
    const jar = new CookieJar();
    const start = await jar.fetch(`${server.baseUrl}/auth/login?returnTo=/innboks`);
    const { response: page } = await jar.follow(new URL(start.headers.get('location')!, server.baseUrl).href);
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)" novalidate>/.exec(html)![1]!;
    const { response } = await jar.follow(new URL(action, server.baseUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ nationalId: server.citizens[0]!.nationalId, securityLevel }),
    });
    return { jar, response };
  }

  test('a login below idporten-loa-high gives no session and goes to the web app\'s page that explains it, keeping where the citizen was going', async () => {
    const { jar, response } = await logInAt('substantial');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/innlogging/sikkerhetsniva?returnTo=${encodeURIComponent('/innboks')}`);
    expect(jar.cookies.get('innboks_session')).toBeUndefined();
    expect((await jar.fetch(`${server.baseUrl}/api/session`)).status).toBe(401);
  });

  test('logging in again with prompt=login asks the provider for a fresh login at the required level', async () => {
    const jar = new CookieJar();
    const start = await jar.fetch(`${server.baseUrl}/auth/login?returnTo=/innboks&prompt=login`);
    const authorization = new URL(start.headers.get('location')!, server.baseUrl);
    expect(authorization.searchParams.get('prompt')).toBe('login');
    expect(authorization.searchParams.get('acr_values')).toBe('idporten-loa-high');
  });

  test('the same person at idporten-loa-high gets in', async () => {
    const { jar, response } = await logInAt('high');
    expect(response.status).toBe(303);
    expect((await jar.fetch(`${server.baseUrl}/api/session`)).status).toBe(200);
  });
});
