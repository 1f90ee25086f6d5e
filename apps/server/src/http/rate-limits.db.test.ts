import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';

/** The token endpoint, login starts and login pages are limited per client address: 429 with Retry-After, nothing written. */
describe.each(testDatabaseKinds())('rate limits on %s', (kind) => {
  let server: TestServer;
  let unlimited: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind, { env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3', RATE_LIMIT_TOKEN_PER_MINUTE: '2' } });
    unlimited = await startTestServer(kind, { env: { RATE_LIMIT_LOGIN_PER_MINUTE: '0', RATE_LIMIT_TOKEN_PER_MINUTE: '0' } });
  });
  afterAll(async () => {
    await server?.close();
    await unlimited?.close();
  });

  const loginStates = async (on: TestServer) =>
    Number((await sql<{ count: number }>`select count(*) as count from citizen_login_state`.execute(on.database.db)).rows[0]!.count);
  const startLogin = (on: TestServer) => fetch(`${on.baseUrl}/auth/login`, { redirect: 'manual' });
  const askForToken = (on: TestServer) =>
    fetch(`${on.baseUrl}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=nobody&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=x',
    });

  test('the fourth login start in a minute answers 429 with Retry-After and stores no login state', async () => {
    for (let index = 0; index < 3; index++) expect((await startLogin(server)).status).toBe(303);
    const before = await loginStates(server);
    const refused = await startLogin(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await loginStates(server)).toBe(before);
    // The provider's login pages count in the same group.
    expect((await fetch(`${server.baseUrl}/oidc/interaction/some-uid`)).status).toBe(429);
  });

  test('the third token request in a minute answers 429 with Retry-After; the sender API itself is not limited', async () => {
    for (let index = 0; index < 2; index++) expect((await askForToken(server)).status).not.toBe(429);
    const refused = await askForToken(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let index = 0; index < 5; index++) expect((await fetch(`${server.baseUrl}/fhir/R4/metadata`)).status).toBe(200);
  });

  test('a limit of 0 turns it off (the benchmarks run so)', async () => {
    for (let index = 0; index < 8; index++) {
      expect((await startLogin(unlimited)).status).toBe(303);
      expect((await askForToken(unlimited)).status).not.toBe(429);
    }
  });
});
