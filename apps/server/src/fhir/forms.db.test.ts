import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { pdfText } from '@innboks/channels/testing';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { getFhir, fhirRequest } from '../testing/fhir-client.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { formOrder, postTask, publishQuestionnaire, questionnaire, sampleAnswers } from '../testing/forms.ts';

describe.each(testDatabaseKinds())('Forms, surveys and research on %s', (kind) => {
  let server: TestServer;
  const tokens = new Map<string, string>();
  const sender = (clientId: string) => server.senders.find((candidate) => candidate.clientId === clientId)!;
  const tokenOf = async (clientId: string) => tokens.get(clientId) ?? tokens.set(clientId, await server.tokenFor(clientId)).get(clientId)!;
  const citizen = (name: string) => server.citizens.find((candidate) => candidate.name === name)!;
  let formCounter = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  const published = async (clientId: string, overrides: Record<string, unknown> = {}) => {
    formCounter += 1;
    const form = questionnaire(`https://forms.example.no/${clientId}/q${formCounter}`, '1', overrides);
    const answer = await publishQuestionnaire(server.baseUrl, await tokenOf(clientId), form);
    expect(answer.status).toBe(201);
    return { ...form, id: answer.body!.id, canonical: `${form.url}|${form.version}` };
  };
  const order = async (clientId: string, nationalId: string, canonical: string, overrides: Record<string, unknown> = {}) => {
    const answer = await postTask(server.baseUrl, await tokenOf(clientId), formOrder(sender(clientId), nationalId, canonical, overrides));
    expect(answer.status).toBe(201);
    return answer.body!;
  };
  const api = (jar: CookieJar, path: string, method = 'GET', body?: unknown) =>
    jar.fetch(`${server.baseUrl}${path}`, { method, ...(body === undefined ? {} : { headers: csrfHeaders(jar), body: JSON.stringify(body) }) });
  const counts = async () => {
    const { rows } = await sql<{ tasks: number; messages: number; jobs: number }>`
      select (select count(*) from form_task)::int as tasks, (select count(*) from message)::int as messages, (select count(*) from job)::int as jobs`.execute(server.database.db);
    return rows[0]!;
  };

  test('in the demo world Kari has a health survey waiting and a receipt, and the form service offers two catalogue forms', async () => {
    const jar = await loginAsCitizen(server.baseUrl, citizen('Kari Nordmann').nationalId);
    const overview = (await (await api(jar, '/api/forms')).json()) as { waiting: { title: string }[]; catalogue: { title: string; organizationName: string }[] };
    expect(overview.waiting.map((form) => form.title)).toContain('Folkehelseundersøkelsen 2026');
    expect(overview.catalogue.filter((form) => form.organizationName === 'Skjematjenesten').map((form) => form.title).sort()).toEqual(['Egenerklæring om helse', 'Søknad om egenandelstak']);
    const receipts = (await (await api(jar, '/api/inbox?category=receipts')).json()) as { items: { subject: string; hasAttachments: boolean }[] };
    expect(receipts.items).toContainEqual(expect.objectContaining({ subject: 'Kvittering: Søknad om egenandelstak', hasAttachments: true }));
    const research = await getFhir(server.baseUrl, await tokenOf('hjertestudien'), `/fhir/R4/Questionnaire?url=${encodeURIComponent('https://hjertestudien.example.no/skjema/oppfolging')}`);
    expect(research.body).toMatchObject({ total: 1 });
  });

  test('a sender publishes a form, replaces it by url and version, and reads it back', async () => {
    const token = await tokenOf('folkehelseundersokelsen');
    const form = questionnaire('https://forms.example.no/publish-test', '2026.1');
    const created = await publishQuestionnaire(server.baseUrl, token, form);
    expect(created.status).toBe(201);
    const replaced = await publishQuestionnaire(server.baseUrl, token, { ...form, title: 'Nytt navn' });
    expect(replaced.status).toBe(200);
    expect(replaced.body!.id).toBe(created.body!.id);
    expect(replaced.body!.meta).toMatchObject({ versionId: '2' });
    const read = await getFhir(server.baseUrl, token, `/fhir/R4/Questionnaire/${created.body!.id}`);
    expect(read.body).toMatchObject({ resourceType: 'Questionnaire', title: 'Nytt navn', url: form.url, version: '2026.1' });
    const search = await getFhir(server.baseUrl, token, `/fhir/R4/Questionnaire?url=${encodeURIComponent(form.url)}`);
    expect(search.body).toMatchObject({ total: 1 });
  });

  test('a form with an item the renderer cannot draw is refused naming the item', async () => {
    const token = await tokenOf('folkehelseundersokelsen');
    const form = questionnaire('https://forms.example.no/undrawable', '1', {
      item: [{ linkId: 'a', type: 'string', text: 'A' }, { linkId: 'b', type: 'string', text: 'B' }, { linkId: 'g', type: 'group', item: [{ linkId: 'x', type: 'signature' }] }],
    });
    const refused = await publishQuestionnaire(server.baseUrl, token, form);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-supported', expression: ['Questionnaire.item[2].item[0].type'] }] });
    const search = await getFhir(server.baseUrl, token, `/fhir/R4/Questionnaire?url=${encodeURIComponent(form.url)}`);
    expect(search.body).toMatchObject({ total: 0 });
  });

  test('an ordered survey arrives in the inbox under surveys and research, opens with its draft on another device, and is submitted once', async () => {
    const kari = citizen('Kari Nordmann');
    const form = await published('folkehelseundersokelsen');
    const task = await order('folkehelseundersokelsen', kari.nationalId, form.canonical);
    expect(task).toMatchObject({ resourceType: 'Task', status: 'requested', intent: 'order', input: [{ valueCanonical: form.canonical }] });
    await server.worker.drain();

    const phone = await loginAsCitizen(server.baseUrl, kari.nationalId);
    const inbox = (await (await api(phone, '/api/inbox?category=research')).json()) as { items: { id: string; subject: string }[] };
    expect(inbox.items.map((item) => item.subject)).toContain('Spørreskjema om hverdagen');
    const letterId = inbox.items.find((item) => item.subject === 'Spørreskjema om hverdagen')!.id;
    expect(await (await api(phone, `/api/letters/${letterId}`)).json()).toMatchObject({ formId: task.id });

    const opened = (await (await api(phone, `/api/forms/ordered/${task.id}`)).json()) as { state: string; draft: unknown; questionnaire: { item: unknown[] } };
    expect(opened).toMatchObject({ state: 'open', draft: null });
    expect(opened.questionnaire.item).toHaveLength(11);
    expect((await getFhir(server.baseUrl, await tokenOf('folkehelseundersokelsen'), `/fhir/R4/Task/${task.id}`)).body).toMatchObject({ status: 'in-progress' });

    expect((await api(phone, `/api/forms/ordered/${task.id}/draft`, 'PUT', { items: sampleAnswers.slice(0, 2) })).status).toBe(200);
    const laptop = await loginAsCitizen(server.baseUrl, kari.nationalId);
    const resumed = (await (await api(laptop, `/api/forms/ordered/${task.id}`)).json()) as { draft: unknown[] };
    expect(resumed.draft).toEqual(sampleAnswers.slice(0, 2));

    const submitted = await api(laptop, `/api/forms/ordered/${task.id}/submit`, 'POST', { items: sampleAnswers });
    expect(submitted.status).toBe(201);
    const { responseId } = (await submitted.json()) as { responseId: string };
    const before = await counts();
    const again = await api(phone, `/api/forms/ordered/${task.id}/submit`, 'POST', { items: sampleAnswers });
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await (await api(phone, `/api/forms/ordered/${task.id}`)).json()) as object).toMatchObject({ state: 'submitted' });

    const token = await tokenOf('folkehelseundersokelsen');
    const completed = await getFhir(server.baseUrl, token, `/fhir/R4/Task/${task.id}`);
    expect(completed.body).toMatchObject({ status: 'completed', output: [{ valueReference: { reference: `QuestionnaireResponse/${responseId}` } }] });
    const byTask = await getFhir(server.baseUrl, token, `/fhir/R4/QuestionnaireResponse?based-on=Task/${task.id}`);
    expect(byTask.body).toMatchObject({ total: 1, entry: [{ resource: { id: responseId, status: 'completed', questionnaire: form.canonical, basedOn: [{ reference: `Task/${task.id}` }] } }] });
    const response = await getFhir(server.baseUrl, token, `/fhir/R4/QuestionnaireResponse/${responseId}`);
    expect(response.body).toMatchObject({ subject: { identifier: { value: kari.nationalId } }, author: { identifier: { value: kari.nationalId } }, item: sampleAnswers });
  });

  test('the citizen gets a receipt under Kvitteringer with a PDF of the questions and answers', async () => {
    const kari = citizen('Kari Nordmann');
    const form = await published('skjematjenesten', { title: 'Søknad om førerkort-attest' });
    const task = await order('skjematjenesten', kari.nationalId, form.canonical);
    const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
    expect((await api(jar, `/api/forms/ordered/${task.id}/submit`, 'POST', { items: sampleAnswers })).status).toBe(201);
    await server.worker.drain();
    await server.worker.drain();

    const receipts = (await (await api(jar, '/api/inbox?category=receipts')).json()) as { items: { id: string; subject: string }[] };
    const receipt = receipts.items.find((item) => item.subject === 'Kvittering: Søknad om førerkort-attest')!;
    expect(receipt).toBeDefined();
    const letter = (await (await api(jar, `/api/letters/${receipt.id}`)).json()) as { senderName: string; messages: { text: string[]; attachments: { url: string; contentType: string }[] }[] };
    expect(letter.senderName).toBe('Skjematjenesten');
    expect(letter.messages[0]!.text.join('\n')).toMatch(/Referanse: [0-9A-F]{10}/);
    const pdf = letter.messages[0]!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    const bytes = Buffer.from(await (await jar.fetch(`${server.baseUrl}${pdf.url}`)).arrayBuffer());
    const dir = await mkdtemp(path.join(os.tmpdir(), 'receipt-'));
    try {
      const file = path.join(dir, 'receipt.pdf');
      await writeFile(file, bytes);
      const text = pdfText(file);
      expect(text).toContain('Kvittering: Søknad om førerkort-attest');
      expect(text).toContain('Sendt til: Skjematjenesten');
      expect(text).toMatch(/Fylt ut av: .*\d{6} \*\*\*\*\*/);
      expect(text).toContain('Røyker du?');
      expect(text).toContain('Åse Øvrebø');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // The receipt job again writes nothing more.
    const { rows } = await sql<{ receipts: number }>`select count(*)::int as receipts from message where kind = 'form-receipt' and subject = 'Kvittering: Søknad om førerkort-attest'`.execute(server.database.db);
    expect(rows[0]!.receipts).toBe(1);
  });

  test('another organisation reads neither the order nor the answers: 404', async () => {
    const kari = citizen('Kari Nordmann');
    const form = await published('hjertestudien');
    const task = await order('hjertestudien', kari.nationalId, form.canonical);
    const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
    const { responseId } = (await (await api(jar, `/api/forms/ordered/${task.id}/submit`, 'POST', { items: sampleAnswers })).json()) as { responseId: string };
    const other = await tokenOf('folkehelseundersokelsen');
    expect((await getFhir(server.baseUrl, other, `/fhir/R4/Task/${task.id}`)).status).toBe(404);
    expect((await getFhir(server.baseUrl, other, `/fhir/R4/QuestionnaireResponse/${responseId}`)).status).toBe(404);
    expect((await getFhir(server.baseUrl, other, `/fhir/R4/Questionnaire/${form.id}`)).status).toBe(404);
    expect((await getFhir(server.baseUrl, other, `/fhir/R4/QuestionnaireResponse?based-on=Task/${task.id}`)).body).toMatchObject({ total: 0 });
    expect((await getFhir(server.baseUrl, other, `/fhir/R4/QuestionnaireResponse?questionnaire=${encodeURIComponent(form.url)}`)).body).not.toHaveProperty('entry');
    expect((await fhirRequest(server.baseUrl, other, 'PUT', `/fhir/R4/Task/${task.id}`, { resourceType: 'Task', status: 'cancelled' })).status).toBe(404);
    const ola = await loginAsCitizen(server.baseUrl, citizen('Ola Hansen').nationalId);
    expect((await api(ola, `/api/forms/ordered/${task.id}`)).status).toBe(404);
  });

  test('answers to a form are read by questionnaire, oldest first, page by page', async () => {
    const form = await published('folkehelseundersokelsen');
    const token = await tokenOf('folkehelseundersokelsen');
    const ids: string[] = [];
    for (const name of ['Kari Nordmann', 'Ola Hansen', 'Per Digitalsen']) {
      const task = await order('folkehelseundersokelsen', citizen(name).nationalId, form.canonical);
      const jar = await loginAsCitizen(server.baseUrl, citizen(name).nationalId);
      ids.push(((await (await api(jar, `/api/forms/ordered/${task.id}/submit`, 'POST', { items: sampleAnswers })).json()) as { responseId: string }).responseId);
    }
    const first = await getFhir(server.baseUrl, token, `/fhir/R4/QuestionnaireResponse?questionnaire=${encodeURIComponent(form.canonical)}&_count=2`);
    const page = first.body as unknown as { entry: { resource: { id: string } }[]; link: { relation: string; url: string }[] };
    expect(page.entry.map((entry) => entry.resource.id)).toEqual(ids.slice(0, 2));
    const next = page.link.find((link) => link.relation === 'next')!.url;
    const second = (await getFhir(server.baseUrl, token, next)).body as unknown as { entry: { resource: { id: string } }[]; link: { relation: string }[] };
    expect(second.entry.map((entry) => entry.resource.id)).toEqual(ids.slice(2));
    expect(second.link.some((link) => link.relation === 'next')).toBe(false);
  });

  test('a conditional create sent twice stores one order; the same identifier for another citizen is refused', async () => {
    const form = await published('folkehelseundersokelsen');
    const token = await tokenOf('folkehelseundersokelsen');
    const body = formOrder(sender('folkehelseundersokelsen'), citizen('Kari Nordmann').nationalId, form.canonical);
    const condition = { 'if-none-exist': `identifier=${body.identifier[0]!.system}|${body.identifier[0]!.value}` };
    const first = await postTask(server.baseUrl, token, body, condition);
    const before = await counts();
    const second = await postTask(server.baseUrl, token, body, condition);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body!.id).toBe(first.body!.id);
    const otherCitizen = await postTask(server.baseUrl, token, { ...body, for: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: citizen('Ola Hansen').nationalId } } }, condition);
    expect(otherCitizen.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  test('an order for a form not published, or with a bad closing time, is refused naming the field and stores nothing', async () => {
    const token = await tokenOf('folkehelseundersokelsen');
    const before = await counts();
    const unknown = await postTask(server.baseUrl, token, formOrder(sender('folkehelseundersokelsen'), citizen('Kari Nordmann').nationalId, 'https://forms.example.no/none|1'));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ issue: [{ expression: ['Task.input[0].valueCanonical'] }] });
    const badEnd = await postTask(server.baseUrl, token, formOrder(sender('folkehelseundersokelsen'), citizen('Kari Nordmann').nationalId, 'x|1', { restriction: { period: { end: '2026-02-30' } } }));
    expect(badEnd.status).toBe(400);
    expect(badEnd.body).toMatchObject({ issue: [{ expression: ['Task.restriction.period.end'] }] });
    expect(await counts()).toEqual(before);
  });

  test('a cancelled order cannot be submitted, and a completed one is never cancelled', async () => {
    const kari = citizen('Kari Nordmann');
    const form = await published('folkehelseundersokelsen');
    const token = await tokenOf('folkehelseundersokelsen');
    const cancelledTask = await order('folkehelseundersokelsen', kari.nationalId, form.canonical);
    const cancelled = await fhirRequest(server.baseUrl, token, 'PUT', `/fhir/R4/Task/${cancelledTask.id}`, { ...cancelledTask, status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
    expect((await (await api(jar, `/api/forms/ordered/${cancelledTask.id}`)).json()) as object).toMatchObject({ state: 'cancelled' });
    expect((await api(jar, `/api/forms/ordered/${cancelledTask.id}/submit`, 'POST', { items: sampleAnswers })).status).toBe(409);

    const done = await order('folkehelseundersokelsen', kari.nationalId, form.canonical);
    await api(jar, `/api/forms/ordered/${done.id}/submit`, 'POST', { items: sampleAnswers });
    const refused = await fhirRequest(server.baseUrl, token, 'PUT', `/fhir/R4/Task/${done.id}`, { ...done, status: 'cancelled' });
    expect(refused.status).toBe(422);
    expect((await getFhir(server.baseUrl, token, `/fhir/R4/Task/${done.id}`)).body).toMatchObject({ status: 'completed' });
    const backwards = await fhirRequest(server.baseUrl, token, 'PUT', `/fhir/R4/Task/${done.id}`, { ...done, status: 'requested' });
    expect(backwards.status).toBe(422);
  });

  test('a citizen who reserves against research gets no order or letter from a research project, while a health survey still reaches them', async () => {
    const anne = citizen('Anne Papirsen');
    const research = await published('hjertestudien');
    const survey = await published('folkehelseundersokelsen');
    const jar = await loginAsCitizen(server.baseUrl, anne.nationalId);
    expect(await (await api(jar, '/api/research-reservation')).json()).toEqual({ reserved: false });
    expect(await (await api(jar, '/api/research-reservation', 'PUT', { reserved: true })).json()).toEqual({ reserved: true });

    const before = await counts();
    const refused = await postTask(server.baseUrl, await tokenOf('hjertestudien'), formOrder(sender('hjertestudien'), anne.nationalId, research.canonical));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issue: [{ code: 'business-rule', details: { coding: [{ system: 'urn:innboks:code:refusal', code: 'reserved-against-research' }] } }] });
    const letter = await postLetter(server.baseUrl, await tokenOf('hjertestudien'), communication(sender('hjertestudien'), anne.nationalId));
    expect(letter.status).toBe(422);
    expect(letter.body).toMatchObject({ issue: [{ details: { coding: [{ code: 'reserved-against-research' }] } }] });
    expect(await counts()).toEqual(before);

    await order('folkehelseundersokelsen', anne.nationalId, survey.canonical);
    await api(jar, '/api/research-reservation', 'PUT', { reserved: false });
    await order('hjertestudien', anne.nationalId, research.canonical);
  });

  test('a catalogue form is listed under Skjema, kept as a draft, and its answers reach only its publisher', async () => {
    const form = await published('skjematjenesten', {
      title: 'Egenerklæring om helse',
      useContext: [{ code: { system: 'http://terminology.hl7.org/CodeSystem/usage-context-type', code: 'task' }, valueCodeableConcept: { coding: [{ system: 'urn:innboks:code:form-availability', code: 'all-citizens' }] } }],
    });
    const jar = await loginAsCitizen(server.baseUrl, citizen('Ola Hansen').nationalId);
    type Overview = { catalogue: { id: string; title: string }[]; drafts: { id: string }[] };
    const overview = (await (await api(jar, '/api/forms')).json()) as Overview;
    expect(overview.catalogue).toContainEqual(expect.objectContaining({ kind: 'catalogue', id: form.id, title: 'Egenerklæring om helse', organizationName: 'Skjematjenesten' }));
    expect((await api(jar, `/api/forms/catalogue/${form.id}/draft`, 'PUT', { items: sampleAnswers.slice(0, 1) })).status).toBe(200);
    expect(((await (await api(jar, '/api/forms')).json()) as Overview).drafts.map((draft) => draft.id)).toContain(form.id);
    expect((await api(jar, `/api/forms/catalogue/${form.id}/submit`, 'POST', { items: sampleAnswers })).status).toBe(201);
    expect(((await (await api(jar, '/api/forms')).json()) as Overview).drafts.map((draft) => draft.id)).not.toContain(form.id);
    const answers = await getFhir(server.baseUrl, await tokenOf('skjematjenesten'), `/fhir/R4/QuestionnaireResponse?questionnaire=${encodeURIComponent(form.url)}`);
    expect(answers.body).toMatchObject({ entry: [{ resource: { questionnaire: form.canonical, subject: { identifier: { value: citizen('Ola Hansen').nationalId } } } }] });
    expect((await getFhir(server.baseUrl, await tokenOf('hjertestudien'), `/fhir/R4/QuestionnaireResponse?questionnaire=${encodeURIComponent(form.url)}`)).body).not.toHaveProperty('entry');
  });

  test('an attachment answer that is not what it says is refused naming the answer, and no draft is stored', async () => {
    const form = await published('skjematjenesten');
    const kari = citizen('Kari Nordmann');
    const task = await order('skjematjenesten', kari.nationalId, form.canonical);
    const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
    const items = [{ linkId: 'photo', answer: [{ valueAttachment: { contentType: 'image/png', title: 'bilde.png', data: Buffer.from('<html></html>').toString('base64') } }] }];
    const refused = await api(jar, `/api/forms/ordered/${task.id}/draft`, 'PUT', { items });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'items[0].answer[0].valueAttachment' }] });
    expect(((await (await api(jar, `/api/forms/ordered/${task.id}`)).json()) as { draft: unknown }).draft).toBeNull();
  });
});
