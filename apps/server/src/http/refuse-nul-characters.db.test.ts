/**
 * PostgreSQL refuses the NUL character in text. Every route — taken from Fastify's
 * own route table, so a new one is covered — answers 400 naming the field when any
 * input holds one, and stores nothing; then the inputs named in the sender API and
 * the web APIs, each with the field it must name.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { loginAsStaff } from '../testing/staff-login.ts';
import { communication } from '../testing/letters.ts';
import { dataFingerprint, hanne, lars } from '../testing/municipal.ts';

const nul = '\u0000';
const missingId = '00000000-0000-4000-8000-000000000000';
const withBody = new Set(['POST', 'PUT', 'PATCH']);

describe.each(testDatabaseKinds())('the NUL character on %s', (kind) => {
  let server: TestServer;
  let citizen: CookieJar;
  let staff: CookieJar;
  let token: string;
  const routes = new Set<string>();
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      onRoute: ({ method, url }) => {
        for (const one of Array.isArray(method) ? method : [method]) if (one !== 'HEAD' && one !== 'OPTIONS') routes.add(`${one} ${url}`);
      },
    });
    citizen = await loginAsCitizen(server.baseUrl, lars.nationalId);
    staff = await loginAsStaff(server.baseUrl, hanne.nationalId);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  const call = async (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const fhir = path.startsWith('/fhir/');
    const jar = path.startsWith('/ansatt/') ? staff : citizen;
    const csrf = jar.cookies.get('innboks_csrf') ?? jar.cookies.get('innboks_staff_csrf');
    const response = await jar.fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        accept: fhir ? 'application/fhir+json' : 'application/json',
        ...(fhir ? { authorization: `Bearer ${token}` } : csrf ? { 'x-csrf-token': csrf } : {}),
        ...(options.body === undefined ? {} : { 'content-type': fhir ? 'application/fhir+json' : 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as Record<string, unknown> };
  };
  const expectRefusal = (answer: { status: number; body: Record<string, unknown> }, path: string, field: string) => {
    expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(400);
    if (path.replace(/^[A-Z]+ /, '').startsWith('/fhir/')) expect(answer.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ expression: [field] })] });
    else expect(answer.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field })] });
  };

  test('the route table has the sender API, the citizen and the staff routes', () => {
    for (const route of ['POST /fhir/R4/Communication', 'POST /api/municipal/messages', 'POST /ansatt/api/threads/:id/messages']) expect(routes).toContain(route);
  });

  test('every route: NUL in the query, or in a body field, answers 400 naming it and stores nothing', async () => {
    const before = await dataFingerprint(server.database.db);
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const path = url.replace(/:[A-Za-z]+/g, missingId).replace(/\*$/, 'x');
      const fhirType = /^\/fhir\/R4\/([A-Za-z]+)/.exec(url)?.[1];
      const inQuery = await call(method, `${path}?probe=a%00b`, withBody.has(method) ? { body: {} } : {});
      expectRefusal(inQuery, `${method} ${path}`, 'probe');
      // The embedded provider's own endpoints read their bodies themselves (provider.ts); its forms go through ours.
      if (withBody.has(method) && !url.startsWith('/oidc/')) {
        const inBody = await call(method, path, { body: { note: { text: `a${nul}b` } } });
        expectRefusal(inBody, `${method} ${path}`, fhirType ? `${fhirType}.note.text` : 'note.text');
      }
    }
    expect(await dataFingerprint(server.database.db)).toBe(before);
  });

  test.each([
    ['topic', (body: ReturnType<typeof communication>) => ({ ...body, topic: { text: `Svar${nul}` } }), 'Communication.topic.text'],
    ['payload text', (body: ReturnType<typeof communication>) => ({ ...body, payload: [{ contentString: `Hei${nul}` }] }), 'Communication.payload[0].contentString'],
    ['sender display', (body: ReturnType<typeof communication>) => ({ ...body, sender: { ...body.sender, display: `Klinikk${nul}` } }), 'Communication.sender.display'],
  ])('a letter with NUL in its %s answers 400 naming the element', async (_name, change, expression) => {
    expectRefusal(await call('POST', '/fhir/R4/Communication', { body: change(communication(hospital(), lars.nationalId)) }), '/fhir/', expression);
  });

  test('If-None-Exist and Appointment?identifier with a NUL answer 400 naming them', async () => {
    const body = communication(hospital(), lars.nationalId);
    expectRefusal(await call('POST', '/fhir/R4/Communication', { body, headers: { 'if-none-exist': 'identifier=urn:x|a%00b' } }), '/fhir/', 'If-None-Exist');
    expectRefusal(await call('GET', '/fhir/R4/Appointment?identifier=urn:x|a%00b'), '/fhir/', 'identifier');
    expectRefusal(await call('PUT', '/fhir/R4/Appointment?identifier=urn:x|a%00b', { body: { resourceType: 'Appointment' } }), '/fhir/', 'identifier');
  });

  test('the inbox search, municipal messages, appointment replies and staff answers with a NUL answer 400 naming the field', async () => {
    expectRefusal(await call('GET', '/api/inbox?q=a%00b'), '/api/', 'q');
    expectRefusal(await call('POST', '/api/municipal/messages', { body: { serviceId: missingId, subject: `Hei${nul}`, text: 'Hei' } }), '/api/', 'subject');
    expectRefusal(await call('POST', `/api/municipal/threads/${missingId}/messages`, { body: { text: `Hei${nul}` } }), '/api/', 'text');
    expectRefusal(await call('POST', `/api/appointments/${missingId}/replies`, { body: { reason: 'question', text: `Hei${nul}` } }), '/api/', 'text');
    expectRefusal(await call('POST', `/ansatt/api/threads/${missingId}/messages`, { body: { text: `Svar${nul}` } }), '/ansatt/', 'text');
  });
});
