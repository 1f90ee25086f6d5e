/**
 * Forms for a represented person, on both databases: a parent of a 14-year-old sees
 * only the forms the sender opened to parents (as letters), the order's letter follows
 * the same code, what the parent opens, saves and submits is in the young person's
 * log, and the receipt and the sender's QuestionnaireResponse say who filled it in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { FormsOverview, InboxPage, Representation } from '@innboks/contracts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { formOrder, postTask, publishQuestionnaire, questionnaire, sampleAnswers } from '../testing/forms.ts';
import { demoCitizen } from '../demo/demo-data.ts';

const accessExtension = (code: string) => ({ extension: [{ url: 'urn:innboks:extension:representative-access', valueCode: code }] });

describe.each(testDatabaseKinds())('Forms for a represented person on %s', (kind) => {
  let server: TestServer;
  let kari: CookieJar;
  let token: string;
  let canonical: string;
  const service = 'skjematjenesten';

  const api = async <T>(jar: CookieJar, path: string, method = 'GET', body?: unknown) => {
    const response = await jar.fetch(`${server.baseUrl}${path}`, { method, ...(body === undefined ? {} : { headers: csrfHeaders(jar), body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const actFor = async (jar: CookieJar, name: string) => {
    const candidates = (await api<Representation>(jar, '/api/representation')).body.candidates;
    await api(jar, '/api/representation/acting-for', 'PUT', { personId: candidates.find((candidate) => candidate.name === name)!.personId });
  };
  const orderFor = async (nationalId: string, title: string, overrides: Record<string, unknown> = {}) => {
    const sender = server.senders.find((candidate) => candidate.clientId === service)!;
    const answer = await postTask(server.baseUrl, token, { ...formOrder(sender, nationalId, canonical), description: title, ...overrides });
    expect(answer.status).toBe(201);
    return answer.body!.id as string;
  };
  const logOf = async (nationalId: string) =>
    (
      await sql<{ representative_name: string; relation: string; action: string; object_kind: string }>`
        select l.representative_name, l.relation, l.action, l.object_kind from representation_log l join citizen c on c.id = l.citizen_id
        where c.national_id = ${nationalId} and l.object_kind like 'form%' order by l.id`.execute(server.database.db)
    ).rows.map((row) => [row.representative_name, row.relation, row.action, row.object_kind]);

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(service);
    const form = questionnaire('https://forms.example.no/representation/q1', '1', { title: 'Egenerklæring før leirskole' });
    expect((await publishQuestionnaire(server.baseUrl, token, form)).status).toBe(201);
    canonical = `${form.url}|${form.version}`;
    kari = await loginAsCitizen(server.baseUrl, demoCitizen('Kari Nordmann').nationalId);
  });
  afterAll(async () => server?.close());

  test('a form ordered for a 14-year-old without a marking is not the parent\'s: not listed, its letter hidden, opening and submitting it 404', async () => {
    const jonas = demoCitizen('Jonas Ungdom').nationalId;
    const unmarked = await orderFor(jonas, 'Skjema bare for ungdommen');
    const opened = await orderFor(jonas, 'Skjema også for foreldre', accessExtension('N'));
    await server.worker.drain();
    await actFor(kari, 'Jonas Ungdom');

    const overview = await api<FormsOverview>(kari, '/api/forms');
    expect(overview.body.waiting.map((form) => form.id)).toEqual([opened]);
    expect((await api(kari, `/api/forms/ordered/${unmarked}`)).status).toBe(404);
    expect((await api(kari, `/api/forms/ordered/${unmarked}/submit`, 'POST', { items: sampleAnswers })).status).toBe(404);
    expect((await api(kari, `/api/forms/ordered/${opened}`)).status).toBe(200);

    const inbox = await api<InboxPage>(kari, '/api/inbox');
    const letters = inbox.body.items.filter((item) => item.subject === 'Egenerklæring før leirskole');
    expect(letters).toHaveLength(1);
    expect((await api<{ formId: string | null }>(kari, `/api/letters/${letters[0]!.id}`)).body.formId).toBe(opened);

    // The young person sees both, as their own.
    const own = await loginAsCitizen(server.baseUrl, jonas);
    expect((await api<FormsOverview>(own, '/api/forms')).body.waiting.map((form) => form.id).sort()).toEqual([unmarked, opened].sort());
    const { rows } = await sql<{ submitted: number }>`select count(*)::int as submitted from form_response where task_id = ${unmarked}`.execute(server.database.db);
    expect(rows[0]!.submitted).toBe(0);
  });

  test('a parent fills in an 8-year-old\'s form: the log records the look, the draft and the submit; the receipt and the sender name the parent', async () => {
    const emma = demoCitizen('Emma Nordmann').nationalId;
    const taskId = await orderFor(emma, 'Skjema før vaksinasjon');
    await server.worker.drain();
    await actFor(kari, 'Emma Nordmann');

    expect((await api(kari, '/api/forms')).status).toBe(200);
    expect((await api(kari, `/api/forms/ordered/${taskId}`)).status).toBe(200);
    expect((await api(kari, `/api/forms/ordered/${taskId}/draft`, 'PUT', { items: sampleAnswers.slice(0, 1) })).status).toBe(200);
    expect((await api(kari, `/api/forms/ordered/${taskId}/submit`, 'POST', { items: sampleAnswers })).status).toBe(201);
    expect(await logOf(emma)).toEqual([
      ['Kari Nordmann', 'FO', 'list', 'forms'],
      ['Kari Nordmann', 'FO', 'read', 'form'],
      ['Kari Nordmann', 'FO', 'update', 'form-draft'],
      ['Kari Nordmann', 'FO', 'send', 'form'],
    ]);
    await server.worker.drain();
    await server.worker.drain();

    const receipts = await api<InboxPage>(kari, '/api/inbox?category=receipts');
    const receipt = receipts.body.items.find((item) => item.subject === 'Kvittering: Egenerklæring før leirskole')!;
    const letter = await api<{ messages: { text: string[] }[] }>(kari, `/api/letters/${receipt.id}`);
    expect(letter.body.messages[0]!.text.join('\n')).toContain('Fylt ut av: Kari Nordmann (forelder) for Emma Nordmann');

    const responses = await getFhir(server.baseUrl, token, `/fhir/R4/QuestionnaireResponse?based-on=Task/${taskId}`);
    expect(responses.body).toMatchObject({
      total: 1,
      entry: [
        {
          resource: {
            subject: { identifier: { value: emma } },
            author: { identifier: { value: demoCitizen('Kari Nordmann').nationalId }, display: 'Kari Nordmann' },
            extension: [{ url: 'urn:innboks:extension:sent-by', valueReference: { display: 'Kari Nordmann', extension: [{ url: 'relation', valueCode: 'FO' }] } }],
          },
        },
      ],
    });
  });

  test('a form the person fills in themselves names them and no relation', async () => {
    const jonas = demoCitizen('Jonas Ungdom').nationalId;
    const taskId = await orderFor(jonas, 'Skjema Jonas svarer på selv');
    const own = await loginAsCitizen(server.baseUrl, jonas);
    const logBefore = await logOf(jonas);
    expect((await api(own, `/api/forms/ordered/${taskId}/submit`, 'POST', { items: sampleAnswers })).status).toBe(201);
    const response = await getFhir(server.baseUrl, token, `/fhir/R4/QuestionnaireResponse?based-on=Task/${taskId}`);
    expect(response.body).toMatchObject({ entry: [{ resource: { author: { identifier: { value: jonas } }, extension: [{ valueReference: { extension: [{ valueCode: 'self' }] } }] } }] });
    expect(await logOf(jonas)).toEqual(logBefore);
  });
});
