import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { appointmentResource, postAppointment, putAppointment } from '../testing/appointments.ts';
import { dataFingerprint, demoEpisodeOfCare, drammen, lars, marit, putEpisodeOfCare } from '../testing/municipal.ts';

/** One rule (core's identifierReuse): a sender's identifier again is a repeat for the same citizen and refused for another. */
describe.each(testDatabaseKinds())('a sender identifier reused for another citizen, on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;
  const first = () => server.citizens[0]!.nationalId;
  const second = () => server.citizens[1]!.nationalId;
  const slot = { start: '2026-05-04T08:00:00Z', end: '2026-05-04T08:30:00Z' };
  const refusal = (expression: string) => ({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ expression: [expression] })] });

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  test.each([
    ['plain', {}],
    ['If-None-Exist', 'condition'],
    ['Idempotency-Key', 'key'],
  ] as const)('a letter (%s) answers 422 naming Communication.identifier and stores nothing; the same citizen again gets the first', async (_name, how) => {
    const body = communication(hospital(), first());
    const identifier = body.identifier[0]!;
    const headers = (n: number): Record<string, string> =>
      how === 'condition' ? { 'if-none-exist': `identifier=${identifier.system}|${identifier.value}` } : how === 'key' ? { 'idempotency-key': `reuse-${identifier.value}-${n}` } : {};
    const created = await postLetter(server.baseUrl, token, body, headers(1));
    expect(created.status).toBe(201);
    const before = await dataFingerprint(server.database.db);
    const other = await postLetter(server.baseUrl, token, { ...body, subject: { identifier: { ...body.subject.identifier, value: second() } } }, headers(2));
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject(refusal('Communication.identifier'));
    expect(await dataFingerprint(server.database.db)).toBe(before);
    const repeat = await postLetter(server.baseUrl, token, body, headers(3));
    expect(repeat.status).toBe(200);
    expect(repeat.body!.id).toBe(created.body!.id);
  });

  test('an appointment by POST, POST with If-None-Exist and PUT answers 422 naming Appointment.identifier', async () => {
    const body = appointmentResource(hospital(), first(), slot);
    const identifier = body.identifier[0]!;
    expect((await postAppointment(server.baseUrl, token, body)).status).toBe(201);
    const before = await dataFingerprint(server.database.db);
    const other = appointmentResource(hospital(), second(), slot, identifier);
    for (const answer of [
      await postAppointment(server.baseUrl, token, other),
      await postAppointment(server.baseUrl, token, other, { 'if-none-exist': `identifier=${identifier.system}|${identifier.value}` }),
      await putAppointment(server.baseUrl, token, other),
    ]) {
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject(refusal('Appointment.identifier'));
    }
    expect(await dataFingerprint(server.database.db)).toBe(before);
    expect((await postAppointment(server.baseUrl, token, body)).status).toBe(200);
  });

  test('an enrolment answers 422 naming EpisodeOfCare.identifier[0]; the same citizen replaces it', async () => {
    const municipalToken = await server.tokenFor(drammen.clientId);
    const enrolled = demoEpisodeOfCare(drammen.clientId, 'hjemmesykepleie', lars.nationalId, 'active');
    const before = await dataFingerprint(server.database.db);
    const moved = structuredClone(enrolled.body);
    moved.patient.identifier.value = marit.nationalId;
    const refused = await putEpisodeOfCare(server.baseUrl, municipalToken, enrolled.query, moved);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject(refusal('EpisodeOfCare.identifier[0]'));
    expect(await dataFingerprint(server.database.db)).toBe(before);
    expect((await putEpisodeOfCare(server.baseUrl, municipalToken, enrolled.query, enrolled.body)).status).toBe(200);
  });
});
