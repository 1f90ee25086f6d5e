import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { createClientAssertion } from '../identity/sender-token/testing.ts';
import { minimalPdf } from '../demo/minimal-pdf.ts';
import { syntheticNationalId } from '@innboks/core';

describe.each(testDatabaseKinds())('Sender API on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;
  const citizen = () => server.citizens[0]!.nationalId;

  const storedRows = async () => {
    const { rows } = await sql<{ messages: number; threads: number; attachments: number; jobs: number; citizens: number }>`
      select (select count(*) from message) as messages, (select count(*) from thread) as threads,
             (select count(*) from attachment) as attachments, (select count(*) from job) as jobs,
             (select count(*) from citizen) as citizens`.execute(server.database.db);
    return rows[0];
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  test('a hospital sends a letter with text and a PDF and reads it back, delivered', async () => {
    const body = communication(hospital(), citizen());
    const created = await postLetter(server.baseUrl, token, body);
    expect(created.status).toBe(201);
    const id = created.body!.id as string;
    expect(created.headers.get('location')).toBe(`/fhir/R4/Communication/${id}`);
    expect(created.body).toMatchObject({ resourceType: 'Communication', status: 'in-progress', topic: { text: 'Svar på undersøkelse' } });

    await server.worker.drain();
    const read = await getFhir(server.baseUrl, token, `/fhir/R4/Communication/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const letter = read.body as unknown as { status: string; payload: { contentString?: string; contentAttachment?: { url: string; size: number } }[]; extension: { url: string; extension?: { url: string; extension?: { url: string; valueCode?: string }[] }[] }[] };
    expect(letter.status).toBe('completed');
    expect(letter.payload[0]!.contentString).toContain('hjertepoliklinikken');
    const delivery = letter.extension.find((extension) => extension.url === 'urn:innboks:extension:delivery')!;
    const inboxAttempts = delivery.extension!.filter((attempt) => attempt.extension!.some((part) => part.url === 'channel' && part.valueCode === 'inbox'));
    const states = inboxAttempts.map((attempt) => attempt.extension!.find((part) => part.url === 'state')!.valueCode);
    expect(states).toEqual(['queued', 'delivered']);

    const pdfUrl = letter.payload[1]!.contentAttachment!.url;
    const pdf = await fetch(pdfUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(letter.payload[1]!.contentAttachment!.size);
  });

  test('the capability statement lists Communication with conditional create', async () => {
    const response = await getFhir(server.baseUrl, undefined, '/fhir/R4/metadata');
    const statement = response.body as unknown as { resourceType: string; rest: { resource: { type: string; conditionalCreate?: boolean }[] }[] };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.rest[0]!.resource).toContainEqual(expect.objectContaining({ type: 'Communication', conditionalCreate: true }));
  });

  test('a conditional create sent twice stores one letter and answers 200 with it the second time', async () => {
    const body = communication(hospital(), citizen());
    const identifier = body.identifier[0]!;
    const condition = { 'if-none-exist': `identifier=${identifier.system}|${identifier.value}` };
    const first = await postLetter(server.baseUrl, token, body, condition);
    const before = await storedRows();
    const second = await postLetter(server.baseUrl, token, body, condition);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body!.id).toBe(first.body!.id);
    expect(await storedRows()).toEqual(before);
  });

  test('the letter in the 201 answer is the letter read back before delivery, attachments and delivery state included', async () => {
    const body = communication(hospital(), citizen(), {
      payload: [
        { contentString: 'Første avsnitt.' },
        { contentAttachment: { contentType: 'application/pdf', title: 'Vedlegg A', data: Buffer.from(minimalPdf(['A'])).toString('base64') } },
        { contentString: 'Andre avsnitt.' },
        { contentAttachment: { contentType: 'application/pdf', title: 'Vedlegg B', data: Buffer.from(minimalPdf(['B', 'B'])).toString('base64') } },
      ],
    });
    const created = await postLetter(server.baseUrl, token, body);
    expect(created.status).toBe(201);
    const stored = (await getFhir(server.baseUrl, token, `/fhir/R4/Communication/${created.body!.id as string}`)).body;
    expect(stored.status).toBe('in-progress');
    expect(created.body).toEqual(stored);
  });

  test('first letters to a new citizen from many senders at once make one citizen and store every letter', async () => {
    const newcomer = syntheticNationalId('1991-03-04', 123);
    const before = await storedRows();
    const answers = await Promise.all(Array.from({ length: 8 }, () => postLetter(server.baseUrl, token, communication(hospital(), newcomer, { payload: [{ contentString: 'Velkommen.' }] }))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const after = await storedRows();
    expect(after!.citizens - before!.citizens).toBe(1);
    expect(after!.messages - before!.messages).toBe(8);
  });

  test('the same identifier sent again without a condition still gives no second letter', async () => {
    const body = communication(hospital(), citizen());
    const first = await postLetter(server.baseUrl, token, body);
    const second = await postLetter(server.baseUrl, token, { ...body, topic: { text: 'Sendt på nytt' } });
    expect(second.status).toBe(200);
    expect(second.body!.id).toBe(first.body!.id);
  });

  test('an Idempotency-Key replay answers as the first time, and the same key with another body is 422', async () => {
    const body = communication(hospital(), citizen());
    const key = { 'idempotency-key': `key-${Date.now()}` };
    const first = await postLetter(server.baseUrl, token, body, key);
    const before = await storedRows();
    const replay = await postLetter(server.baseUrl, token, body, key);
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));

    const other = communication(hospital(), citizen());
    const conflict = await postLetter(server.baseUrl, token, other, key);
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(await storedRows()).toEqual(before);
  });

  const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
  const badInputs: { name: string; change: (body: ReturnType<typeof communication>) => unknown; status?: number; expression: string }[] = [
    { name: 'no subject line', change: (body) => ({ ...body, topic: undefined }), expression: 'Communication.topic.text' },
    { name: 'a subject line over 200 characters', change: (body) => ({ ...body, topic: { text: 'x'.repeat(201) } }), expression: 'Communication.topic.text' },
    { name: 'no citizen', change: (body) => ({ ...body, subject: undefined }), expression: 'Communication.subject.identifier' },
    {
      name: 'a national id with wrong check digits',
      change: (body) => ({ ...body, subject: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '12345678901' } } }),
      expression: 'Communication.subject.identifier.value',
    },
    {
      name: 'an unknown identifier system for the citizen',
      change: (body) => ({ ...body, subject: { identifier: { system: 'urn:example', value: citizen() } } }),
      expression: 'Communication.subject.identifier.system',
    },
    { name: 'no identifier of the sender', change: (body) => ({ ...body, identifier: [] }), expression: 'Communication.identifier' },
    { name: 'no payload', change: (body) => ({ ...body, payload: [] }), expression: 'Communication.payload' },
    {
      name: 'an HTML page declared as PDF',
      change: (body) => ({ ...body, payload: [body.payload[0], { contentAttachment: { contentType: 'application/pdf', title: 'Brev', data: html } }] }),
      expression: 'Communication.payload[1].contentAttachment.data',
    },
    {
      name: 'an attachment type not accepted',
      change: (body) => ({ ...body, payload: [{ contentAttachment: { contentType: 'text/html', title: 'Side', data: html } }] }),
      expression: 'Communication.payload[0].contentAttachment.contentType',
    },
    {
      name: 'attachment data that is not base64',
      change: (body) => ({ ...body, payload: [{ contentAttachment: { contentType: 'application/pdf', title: 'Brev', data: '%%%not base64%%%' } }] }),
      expression: 'Communication.payload[0].contentAttachment.data',
    },
    {
      name: 'an attachment without a title',
      change: (body) => ({ ...body, payload: [{ contentAttachment: { ...(body.payload[1] as { contentAttachment: object }).contentAttachment, title: '' } }] }),
      expression: 'Communication.payload[0].contentAttachment.title',
    },
    {
      name: 'an unknown message kind',
      change: (body) => ({ ...body, category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'postcard' }] }] }),
      expression: 'Communication.category[0].coding[0].code',
    },
    { name: 'an unknown priority', change: (body) => ({ ...body, priority: 'whenever' }), expression: 'Communication.priority' },
    { name: 'another resource type', change: (body) => ({ ...body, resourceType: 'Patient' }), expression: 'Communication.resourceType' },
    {
      name: 'a payload with both text and a file',
      change: (body) => ({ ...body, payload: [{ contentString: 'Hei', contentAttachment: (body.payload[1] as { contentAttachment: object }).contentAttachment }] }),
      expression: 'Communication.payload[0]',
    },
    {
      name: 'an answer to a message that is not there',
      change: (body) => ({ ...body, inResponseTo: [{ reference: 'Communication/00000000-0000-4000-8000-000000000000' }] }),
      status: 422,
      expression: 'Communication.inResponseTo[0].reference',
    },
    {
      name: 'a sender organisation number with a wrong check digit',
      change: (body) => ({ ...body, sender: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '123456789' } } }),
      expression: 'Communication.sender.identifier.value',
    },
  ];

  test.each(badInputs)('bad input — $name — is refused naming the element, and nothing is stored', async ({ change, status, expression }) => {
    const before = await storedRows();
    const response = await postLetter(server.baseUrl, token, change(communication(hospital(), citizen())));
    expect(response.status).toBe(status ?? 400);
    expect(response.body!.resourceType).toBe('OperationOutcome');
    const expressions = (response.body!.issue as { expression?: string[] }[]).flatMap((issue) => issue.expression ?? []);
    expect(expressions).toContain(expression);
    expect(await storedRows()).toEqual(before);
  });

  test('a body that is not JSON is 400 with an OperationOutcome', async () => {
    const response = await postLetter(server.baseUrl, token, '{"resourceType": "Communication", ');
    expect(response.status).toBe(400);
    expect(response.body!.resourceType).toBe('OperationOutcome');
  });

  test('sending as another organisation is 403 and stores nothing', async () => {
    const before = await storedRows();
    const gp = server.senders.find((sender) => sender.kind === 'gp')!;
    const response = await postLetter(server.baseUrl, token, communication(gp, citizen()));
    expect(response.status).toBe(403);
    expect(response.body!.resourceType).toBe('OperationOutcome');
    expect(await storedRows()).toEqual(before);
  });

  test('without a token the answer is 401 with WWW-Authenticate: Bearer', async () => {
    const response = await postLetter(server.baseUrl, undefined, communication(hospital(), citizen()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = await postLetter(server.baseUrl, 'not-a-token', communication(hospital(), citizen()));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
  });

  test('another organisation\'s letter is 404, exactly like a missing one', async () => {
    const created = await postLetter(server.baseUrl, token, communication(hospital(), citizen()));
    const gp = server.senders.find((sender) => sender.kind === 'gp')!;
    const gpToken = await server.tokenFor(gp.clientId);
    const probe = await getFhir(server.baseUrl, gpToken, `/fhir/R4/Communication/${created.body!.id as string}`);
    const missing = await getFhir(server.baseUrl, gpToken, '/fhir/R4/Communication/00000000-0000-4000-8000-000000000000');
    expect(probe.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(probe.body).toEqual(missing.body);
  });

  test('a client assertion whose jti was used before is refused', async () => {
    const sender = hospital();
    const discovery = (await (await fetch(`${server.baseUrl}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    const assertion = await createClientAssertion(discovery.token_endpoint, sender.clientId, await server.privateKeyOf(sender.clientId), { jti: `jti-${Date.now()}` });
    const ask = () =>
      fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sender.clientId,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        }),
      });
    expect((await ask()).status).toBe(200);
    const reused = await ask();
    expect(reused.status).toBeGreaterThanOrEqual(400);
    expect(((await reused.json()) as { error: string }).error).toBe('invalid_client');
  });
});
