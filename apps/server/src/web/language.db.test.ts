import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';

describe.each(testDatabaseKinds())('The citizen’s language on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  const citizen = (name: string) => server.citizens.find((each) => each.name === name)!;

  test('nothing is saved until the citizen chooses', async () => {
    const jar = await loginAsCitizen(server.baseUrl, citizen('Kari Nordmann').nationalId);
    const response = await jar.fetch(`${server.baseUrl}/api/language`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ language: null });
  });

  test('a choice made on one device is what a second device finds', async () => {
    const phone = await loginAsCitizen(server.baseUrl, citizen('Ola Hansen').nationalId);
    const saved = await phone.fetch(`${server.baseUrl}/api/language`, { method: 'PUT', headers: csrfHeaders(phone), body: JSON.stringify({ language: 'se' }) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ language: 'se' });
    const laptop = await loginAsCitizen(server.baseUrl, citizen('Ola Hansen').nationalId);
    expect(await (await laptop.fetch(`${server.baseUrl}/api/language`)).json()).toEqual({ language: 'se' });
  });

  test('a language not offered is refused naming the field, and the saved choice stays', async () => {
    const jar = await loginAsCitizen(server.baseUrl, citizen('Ola Hansen').nationalId);
    await jar.fetch(`${server.baseUrl}/api/language`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ language: 'nn' }) });
    const refused = await jar.fetch(`${server.baseUrl}/api/language`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ language: 'sv' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('language');
    expect(await (await jar.fetch(`${server.baseUrl}/api/language`)).json()).toEqual({ language: 'nn' });
  });

  test('without a session it is 401, and without the CSRF header a change is 403', async () => {
    expect((await fetch(`${server.baseUrl}/api/language`)).status).toBe(401);
    const jar = await loginAsCitizen(server.baseUrl, citizen('Kari Nordmann').nationalId);
    const response = await jar.fetch(`${server.baseUrl}/api/language`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) });
    expect(response.status).toBe(403);
  });
});
