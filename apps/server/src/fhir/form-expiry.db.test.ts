import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '@innboks/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';
import { formOrder, postTask, publishQuestionnaire, questionnaire, sampleAnswers } from '../testing/forms.ts';

// 29 March 2026 is the day Norway moves to summer time: that day's midnight is 22:00 UTC, not 23:00.
describe.each(testDatabaseKinds())('An ordered form expires at its closing moment in Oslo time, across the change to summer time, on %s', (kind) => {
  const clock = fixedClock('2026-03-29T08:00:00.000Z');
  let server: TestServer;
  let token: string;
  let taskId: string;
  const kari = () => server.citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;
  const survey = () => server.senders.find((sender) => sender.clientId === 'folkehelseundersokelsen')!;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
    token = await server.tokenFor(survey().clientId);
    const form = questionnaire('https://forms.example.no/dst', '1');
    await publishQuestionnaire(server.baseUrl, token, form);
    const created = await postTask(server.baseUrl, token, formOrder(survey(), kari().nationalId, `${form.url}|1`, { restriction: { period: { end: '2026-03-29' } } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ restriction: { period: { end: '2026-03-29T22:00:00.000Z' } } });
    taskId = created.body!.id;
  });
  afterAll(async () => server?.close());

  test('a millisecond before the Oslo midnight the order is still open, and the expiry job finds nothing to do', async () => {
    clock.set('2026-03-29T21:59:59.999Z');
    await server.worker.drain();
    expect((await getFhir(server.baseUrl, token, `/fhir/R4/Task/${taskId}`)).body).toMatchObject({ status: 'requested' });
    const jar = await loginAsCitizen(server.baseUrl, kari().nationalId);
    expect(((await (await jar.fetch(`${server.baseUrl}/api/forms`)).json()) as { waiting: { id: string }[] }).waiting.map((form) => form.id)).toContain(taskId);
  });

  test('at the Oslo midnight the job fails it as expired, and the citizen can no longer submit and is told why', async () => {
    clock.set('2026-03-29T22:00:00.000Z');
    await server.worker.drain();
    const task = await getFhir(server.baseUrl, token, `/fhir/R4/Task/${taskId}`);
    expect(task.body).toMatchObject({ status: 'failed', statusReason: { text: 'expired' } });

    const jar = await loginAsCitizen(server.baseUrl, kari().nationalId);
    expect(await (await jar.fetch(`${server.baseUrl}/api/forms/ordered/${taskId}`)).json()).toMatchObject({ state: 'expired' });
    const refused = await jar.fetch(`${server.baseUrl}/api/forms/ordered/${taskId}/submit`, { method: 'POST', headers: csrfHeaders(jar), body: JSON.stringify({ items: sampleAnswers }) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ title: 'Fristen for skjemaet har gått ut' });
    expect(((await (await jar.fetch(`${server.baseUrl}/api/forms`)).json()) as { waiting: { id: string }[] }).waiting.map((form) => form.id)).not.toContain(taskId);
  });

  test('the expired order never moves again: a second run of the job and a cancel leave it failed', async () => {
    await server.worker.drain();
    const cancel = await fetch(`${server.baseUrl}/fhir/R4/Task/${taskId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Task', status: 'cancelled' }),
    });
    expect(cancel.status).toBe(422);
    expect((await getFhir(server.baseUrl, token, `/fhir/R4/Task/${taskId}`)).body).toMatchObject({ status: 'failed', meta: { versionId: '2' } });
  });
});
