import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';

describe.each(testDatabaseKinds())('Notice settings on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  const kari = () => server.citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;

  test('the citizen sees the mobile number and e-mail from the register and where notices go now', async () => {
    const jar = await loginAsCitizen(server.baseUrl, kari().nationalId);
    const response = await jar.fetch(`${server.baseUrl}/api/notice-settings`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ mobile: '+4799000001', email: null, reserved: false, choice: null, effective: ['sms'] });
  });

  test('a choice the register has no address for is refused with a problem naming the field, and nothing is stored', async () => {
    const jar = await loginAsCitizen(server.baseUrl, kari().nationalId);
    const refused = await jar.fetch(`${server.baseUrl}/api/notice-settings`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ choice: 'both' }) });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 422, errors: [{ field: 'choice', message: expect.stringContaining('e-postadresse') }] });
    const bad = await jar.fetch(`${server.baseUrl}/api/notice-settings`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ choice: 'pigeon' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('choice');
    expect(((await (await jar.fetch(`${server.baseUrl}/api/notice-settings`)).json()) as { choice: unknown }).choice).toBeNull();
  });

  test('the own choice is stored and the next letter’s notice follows it', async () => {
    const ola = server.citizens.find((citizen) => citizen.name === 'Ola Hansen')!;
    const jar = await loginAsCitizen(server.baseUrl, ola.nationalId);
    const saved = await jar.fetch(`${server.baseUrl}/api/notice-settings`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ choice: 'email' }) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ choice: 'email', effective: ['email'] });
    const citizen = await server.database.db.selectFrom('citizen').select('id').where('national_id', '=', ola.nationalId).executeTakeFirstOrThrow();
    expect(await server.delivery.store.noticeChoice(citizen.id)).toBe('email');
  });

  test('without a session it is 401, and without the CSRF header a change is 403', async () => {
    expect((await fetch(`${server.baseUrl}/api/notice-settings`)).status).toBe(401);
    const jar = await loginAsCitizen(server.baseUrl, kari().nationalId);
    const response = await jar.fetch(`${server.baseUrl}/api/notice-settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ choice: 'sms' }) });
    expect(response.status).toBe(403);
  });
});
