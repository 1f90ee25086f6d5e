/**
 * Municipal messaging end to end on a real server: who may write to which service,
 * the promised answer day, enrolments by FHIR EpisodeOfCare, the staff's shared
 * inbox with need-to-know, and the citizen's access log.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@innboks/core';
import { MunicipalDirectory, verifyAccessLog } from '@innboks/db';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { loginAsStaff, staffCsrfHeaders } from '../testing/staff-login.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { accessLogCount, dataFingerprint, demoEpisodeOfCare, drammen, fredrik, hanne, lars, lier, lise, marit, putEpisodeOfCare, serviceId, siri } from '../testing/municipal.ts';

const tenYears = String(10 * 365 * 24 * 3600);

describe.each(testDatabaseKinds())('municipal messaging on %s', (kind) => {
  let server: TestServer;
  const clock = fixedClock('2026-03-02T09:00:00+01:00');
  let homeNursing: string;
  let physiotherapy: string;
  let healthStation: string;
  let lierHomeNursing: string;
  let larsJar: CookieJar;
  let hanneJar: CookieJar;
  let url: (path: string) => string;

  const send = (jar: CookieJar, body: Record<string, unknown>) =>
    jar.fetch(url('/api/municipal/messages'), { method: 'POST', headers: csrfHeaders(jar), body: JSON.stringify(body) });
  const answer = (jar: CookieJar, threadId: string, text: string) =>
    jar.fetch(url(`/ansatt/api/threads/${threadId}/messages`), { method: 'POST', headers: staffCsrfHeaders(jar), body: JSON.stringify({ text }) });
  const json = async (response: Response) => (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    server = await startTestServer(kind, { clock, env: { SESSION_IDLE_TIMEOUT_SECONDS: tenYears, SESSION_MAX_AGE_SECONDS: tenYears } });
    url = (path) => `${server.baseUrl}${path}`;
    const db = server.database.db;
    homeNursing = await serviceId(db, 'drammen-helse-omsorg', 'hjemmesykepleie');
    physiotherapy = await serviceId(db, 'drammen-helse-omsorg', 'fysioterapi');
    healthStation = await serviceId(db, 'drammen-helse-omsorg', 'helsestasjon');
    lierHomeNursing = await serviceId(db, 'lier-helse-omsorg', 'hjemmesykepleie');
    larsJar = await loginAsCitizen(server.baseUrl, lars.nationalId);
    hanneJar = await loginAsStaff(server.baseUrl, hanne.nationalId);
  });
  afterAll(async () => server?.close());

  describe('what the citizen is offered', () => {
    it('lists only the services the citizen receives, and says why one without digital contact cannot be messaged', async () => {
      const overview = await json(await larsJar.fetch(url('/api/municipal/services')));
      expect(overview).toMatchObject({ municipality: 'Drammen', inTrial: true, expectedAnswerIfSentNow: '2026-03-03' });
      expect(overview.services).toEqual([
        expect.objectContaining({ id: physiotherapy, name: 'Fysioterapi', canMessage: false, reason: 'no-digital-contact' }),
        expect.objectContaining({ id: homeNursing, name: 'Hjemmesykepleie', canMessage: true, reason: null }),
      ]);
      // Helsestasjon is open for digital contact, but Lars does not receive it: not offered.
      expect(overview.services.map((service: { id: string }) => service.id)).not.toContain(healthStation);
    });

    it('offers nothing to a citizen outside the trial, and says so', async () => {
      const jar = await loginAsCitizen(server.baseUrl, siri.nationalId);
      expect(await json(await jar.fetch(url('/api/municipal/services')))).toMatchObject({ municipality: 'Bodø', inTrial: false, services: [] });
    });
  });

  describe('the server enforces the same rules', () => {
    it('refuses a crafted message to any service the citizen may not write to, with a clear reason, and stores nothing', async () => {
      const before = await dataFingerprint(server.database.db);
      const cases: [CookieJar, string, string][] = [
        [larsJar, physiotherapy, 'ikke åpnet for digital kontakt'],
        [larsJar, healthStation, 'tjenester du mottar'],
        [larsJar, lierHomeNursing, 'tjenester du mottar'],
        [larsJar, '00000000-0000-4000-8000-000000000000', 'tjenester du mottar'],
        [larsJar, 'not-a-uuid', 'tjenester du mottar'],
        [await loginAsCitizen(server.baseUrl, siri.nationalId), homeNursing, 'ikke med i utprøvingen'],
      ];
      for (const [jar, target, reason] of cases) {
        const response = await send(jar, { serviceId: target, subject: 'Hei', text: 'Kan dere ringe meg?' });
        expect(response.status).toBe(403);
        const problem = await json(response);
        expect(problem.detail).toContain(reason);
        expect(problem.errors).toEqual([{ field: 'serviceId', message: expect.stringContaining(reason) }]);
      }
      expect(await dataFingerprint(server.database.db)).toBe(before);
    });

    it('names the field when subject or text is missing', async () => {
      const response = await send(larsJar, { serviceId: homeNursing, subject: '', text: '' });
      expect(response.status).toBe(400);
      expect((await json(response)).errors.map((error: { field: string }) => error.field).sort()).toEqual(['subject', 'text']);
    });
  });

  describe('when to expect an answer', () => {
    const cases = [
      ['2026-04-02T10:00:00+02:00', '2026-04-07'], // Skjærtorsdag → Tuesday after Easter
      ['2026-05-15T15:00:00+02:00', '2026-05-18'], // Friday → Monday
      ['2026-12-24T09:00:00+01:00', '2026-12-28'], // Christmas Eve → Monday after Christmas
    ] as const;
    it.each(cases)('a message sent %s is promised an answer on %s, before and after sending', async (sentAt, expected) => {
      clock.set(sentAt);
      expect((await json(await larsJar.fetch(url('/api/municipal/services')))).expectedAnswerIfSentNow).toBe(expected);
      const response = await send(larsJar, { serviceId: homeNursing, subject: `Spørsmål ${sentAt}`, text: 'Når kommer dere?' });
      expect(response.status).toBe(201);
      const sent = await json(response);
      expect(sent.expectedAnswerBy).toBe(expected);
      const info = await json(await larsJar.fetch(url(`/api/municipal/threads/${sent.threadId}`)));
      expect(info).toMatchObject({ canReply: true, reason: null, expectedAnswerBy: expected, status: 'open' });
      clock.set('2026-03-02T09:00:00+01:00');
    });
  });

  describe('the staff workspace', () => {
    it('shows the shared inbox unanswered first, longest waiting first; answering notifies the citizen', async () => {
      clock.set('2026-03-03T08:00:00+01:00');
      const older = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Eldst', text: 'Første' }));
      clock.set('2026-03-03T09:00:00+01:00');
      const maritJar = await loginAsCitizen(server.baseUrl, marit.nationalId);
      const newer = await json(await send(maritJar, { serviceId: homeNursing, subject: 'Nyere', text: 'Andre' }));
      clock.set('2026-03-03T10:00:00+01:00');
      const answered = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Besvart', text: 'Tredje' }));
      clock.set('2026-03-03T10:30:00+01:00');
      expect((await answer(hanneJar, answered.threadId, 'Svar fra oss')).status).toBe(201);

      const list = await json(await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`)));
      const ids = list.threads.map((thread: { id: string }) => thread.id);
      expect(ids.indexOf(older.threadId)).toBeLessThan(ids.indexOf(newer.threadId));
      expect(ids.indexOf(newer.threadId)).toBeLessThan(ids.indexOf(answered.threadId));
      expect(list.threads.filter((thread: { awaitingAnswerSince: string | null }) => thread.awaitingAnswerSince === null).map((thread: { id: string }) => thread.id)).toEqual([answered.threadId]);

      // The citizen sees the answer in the thread, unread, under Kommunen; a delivery job is queued for the notice.
      const inbox = await json(await larsJar.fetch(url('/api/inbox?category=municipal')));
      expect(inbox.items.find((item: { id: string }) => item.id === answered.threadId)).toMatchObject({ unread: true, category: 'municipal', startedBy: 'citizen', messageCount: 2 });
      const thread = await json(await larsJar.fetch(url(`/api/letters/${answered.threadId}`)));
      expect(thread.messages.map((message: { direction: string; text: string[] }) => [message.direction, message.text[0]])).toEqual([
        ['from-citizen', 'Tredje'],
        ['to-citizen', 'Svar fra oss'],
      ]);
      const answerId = thread.messages[1].id;
      const job = await server.database.db.selectFrom('job').select(['kind', 'payload']).where(sql<boolean>`payload->>'messageId' = ${answerId}`).executeTakeFirst();
      expect(job?.kind).toBe('deliver-letter');
      // The municipality's own system finds both messages from citizens by FHIR search.
      const token = await server.tokenFor(drammen.clientId);
      const search = await getFhir(server.baseUrl, token, `/fhir/R4/Communication?recipient=${encodeURIComponent(`urn:oid:2.16.578.1.12.4.1.4.101|${drammen.organizationNumber}`)}`);
      const bundle = search.body as unknown as { entry: { resource: { topic: { text: string }; recipient: { display?: string }[] } }[] };
      expect(bundle.entry.map((entry) => entry.resource.topic.text)).toEqual(expect.arrayContaining(['Eldst', 'Nyere', 'Besvart']));
      // The service the citizen wrote to is named in recipient.display, as the README promises.
      const besvart = bundle.entry.find((entry) => entry.resource.topic.text === 'Besvart')!;
      expect(besvart.resource.recipient[0]!.display).toMatch(/^Hjemmesykepleie, /);
    });

    it('assigns to self, closes and reopens', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Tildeling', text: 'Hei' }));
      const patch = (body: unknown) => hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`), { method: 'PATCH', headers: staffCsrfHeaders(hanneJar), body: JSON.stringify(body) });
      expect(await json(await patch({ assignedToMe: true }))).toMatchObject({ assignedTo: { name: 'Hanne Pleier', isMe: true } });
      expect(await json(await patch({ status: 'closed' }))).toMatchObject({ status: 'closed' });
      const open = await json(await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`)));
      expect(open.threads.map((thread: { id: string }) => thread.id)).not.toContain(sent.threadId);
      const closed = await json(await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads?status=closed`)));
      expect(closed.threads.map((thread: { id: string }) => thread.id)).toContain(sent.threadId);
      expect(await json(await patch({ status: 'open', assignedToMe: false }))).toMatchObject({ status: 'open', assignedTo: null });
      expect((await patch({})).status).toBe(400);
    });

    it("refuses the citizen's reply in a conversation the service closed (409, nothing stored), and a new conversation goes through", async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Avsluttes', text: 'Hei' }));
      const close = await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`), { method: 'PATCH', headers: staffCsrfHeaders(hanneJar), body: JSON.stringify({ status: 'closed' }) });
      expect(close.status).toBe(200);
      const reply = await larsJar.fetch(url(`/api/municipal/threads/${sent.threadId}/messages`), { method: 'POST', headers: csrfHeaders(larsJar), body: JSON.stringify({ text: 'Ett spørsmål til' }) });
      expect(reply.status).toBe(409);
      const problem = await json(reply);
      expect(problem.title).toBe('Samtalen er avsluttet');
      expect(problem.detail).toContain('Start en ny samtale');
      const letter = await json(await larsJar.fetch(url(`/api/letters/${sent.threadId}`)));
      expect(letter.messages).toHaveLength(1);
      expect(await json(await larsJar.fetch(url(`/api/municipal/threads/${sent.threadId}`)))).toMatchObject({ status: 'closed' });
      expect((await send(larsJar, { serviceId: homeNursing, subject: 'Ny samtale', text: 'Hei igjen' })).status).toBe(201);
    });

    it('shows nothing of a service to staff of another service or municipality', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Bare for hjemmesykepleien', text: 'Hei' }));
      for (const staff of [fredrik, lise]) {
        const jar = await loginAsStaff(server.baseUrl, staff.nationalId);
        expect((await jar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(404);
        expect((await jar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`))).status).toBe(404);
        const services = await json(await jar.fetch(url('/ansatt/api/services')));
        expect(services.services.map((service: { id: string }) => service.id)).not.toContain(homeNursing);
      }
    });

    it('takes a removed membership away on the next request', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Medlemskap', text: 'Hei' }));
      const directory = new MunicipalDirectory(server.database.db);
      const staff = await directory.findStaff(hanne.nationalId);
      expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(200);
      await directory.removeMembership(staff!.id, homeNursing);
      try {
        expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(404);
        expect((await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`))).status).toBe(404);
        expect((await json(await hanneJar.fetch(url('/ansatt/api/services')))).services).toEqual([]);
      } finally {
        await directory.addMembership(staff!.id, homeNursing);
      }
      expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(200);
    });
  });

  describe('enrolments from the municipality (FHIR EpisodeOfCare)', () => {
    it('ending an enrolment closes messaging at once and hides the thread from staff; the citizen still reads the history', async () => {
      const token = await server.tokenFor(drammen.clientId);
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Før avslutning', text: 'Hei' }));
      const ended = demoEpisodeOfCare('drammen-helse-omsorg', 'hjemmesykepleie', lars.nationalId, 'finished');
      const response = await putEpisodeOfCare(server.baseUrl, token, ended.query, ended.body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ resourceType: 'EpisodeOfCare', status: 'finished', meta: { versionId: '2' } });
      try {
        const reply = await larsJar.fetch(url(`/api/municipal/threads/${sent.threadId}/messages`), { method: 'POST', headers: csrfHeaders(larsJar), body: JSON.stringify({ text: 'Hallo?' }) });
        expect(reply.status).toBe(403);
        expect((await json(reply)).detail).toContain('tjenester du mottar');
        expect((await send(larsJar, { serviceId: homeNursing, subject: 'Ny', text: 'Hei' })).status).toBe(403);
        expect(await json(await larsJar.fetch(url(`/api/municipal/threads/${sent.threadId}`)))).toMatchObject({ canReply: false, reason: 'not-received' });
        expect((await json(await larsJar.fetch(url('/api/municipal/services')))).services.map((service: { name: string }) => service.name)).toEqual(['Fysioterapi']);
        // History stays readable to the citizen.
        expect((await larsJar.fetch(url(`/api/letters/${sent.threadId}`))).status).toBe(200);
        // Staff of the service no longer see it.
        expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(404);
        const list = await json(await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`)));
        expect(list.threads.map((thread: { citizenName: string }) => thread.citizenName)).not.toContain('Lars Kommunesen');
      } finally {
        const active = demoEpisodeOfCare('drammen-helse-omsorg', 'hjemmesykepleie', lars.nationalId, 'active');
        expect((await putEpisodeOfCare(server.baseUrl, token, active.query, active.body)).status).toBe(200);
      }
      expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(200);
    });

    it('creates an enrolment (201), reads it back, and is advertised in the CapabilityStatement', async () => {
      const token = await server.tokenFor(drammen.clientId);
      const enrol = demoEpisodeOfCare('drammen-helse-omsorg', 'helsestasjon', marit.nationalId, 'active');
      enrol.body.identifier = [{ system: 'urn:test:epj', value: 'eoc-1' }];
      const created = await putEpisodeOfCare(server.baseUrl, token, 'identifier=urn:test:epj|eoc-1', enrol.body);
      expect(created.status).toBe(201);
      const location = created.headers.get('location')!;
      expect(location).toMatch(/^\/fhir\/R4\/EpisodeOfCare\/[0-9a-f-]{36}\/_history\/1$/);
      const read = await getFhir(server.baseUrl, token, location.replace('/_history/1', ''));
      expect(read.body).toMatchObject({ status: 'active', type: [{ coding: [{ code: 'helsestasjon', display: 'Helsestasjon' }] }] });
      const maritJar = await loginAsCitizen(server.baseUrl, marit.nationalId);
      expect((await json(await maritJar.fetch(url('/api/municipal/services')))).services.map((service: { name: string }) => service.name)).toContain('Helsestasjon');
      // Another organisation cannot read it.
      const lierToken = await server.tokenFor(lier.clientId);
      expect((await getFhir(server.baseUrl, lierToken, location.replace('/_history/1', ''))).status).toBe(404);
      const metadata = (await getFhir(server.baseUrl, undefined, '/fhir/R4/metadata')).body as unknown as { rest: { resource: { type: string; conditionalUpdate?: boolean }[] }[] };
      expect(metadata.rest[0]!.resource).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'EpisodeOfCare', conditionalUpdate: true })]));
      const services = (await getFhir(server.baseUrl, token, '/fhir/R4/HealthcareService')).body as unknown as { entry: { resource: { name: string } }[] };
      expect(services.entry.map((entry) => entry.resource.name)).toEqual(['Fysioterapi', 'Helsestasjon', 'Hjemmesykepleie']);
      // Each entry can be read back where its fullUrl says; another organisation cannot.
      const entry = (services as unknown as { entry: { fullUrl: string; resource: { id: string } }[] }).entry[0]!;
      const service = await getFhir(server.baseUrl, token, entry.fullUrl);
      expect(service.status).toBe(200);
      expect(service.body).toEqual(entry.resource);
      expect((await getFhir(server.baseUrl, lierToken, entry.fullUrl)).status).toBe(404);
    });

    it('refuses bad enrolments with an OperationOutcome naming the element, and stores nothing', async () => {
      const token = await server.tokenFor(drammen.clientId);
      const before = await dataFingerprint(server.database.db);
      const base = demoEpisodeOfCare('drammen-helse-omsorg', 'hjemmesykepleie', marit.nationalId, 'active');
      const unknown = structuredClone(base.body);
      unknown.type = [{ coding: [{ system: 'urn:innboks:code:municipal-service', code: 'tannlege' }] }];
      const cases: [string, unknown, number, string | undefined][] = [
        [base.query, { ...base.body, status: 'done' }, 400, 'EpisodeOfCare.status'],
        [base.query, { ...base.body, patient: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '12345678901' } } }, 400, 'EpisodeOfCare.patient.identifier.value'],
        ['identifier=urn:other|x', base.body, 400, 'EpisodeOfCare.identifier[0]'],
        [base.query, unknown, 422, 'EpisodeOfCare.type[0].coding[0].code'],
        [base.query, { ...base.body, managingOrganization: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: lier.organizationNumber } } }, 403, 'EpisodeOfCare.managingOrganization.identifier.value'],
      ];
      for (const [query, body, status, expression] of cases) {
        const response = await putEpisodeOfCare(server.baseUrl, token, query, body);
        expect(response.status).toBe(status);
        expect(response.body.resourceType).toBe('OperationOutcome');
        expect((response.body.issue as { expression?: string[] }[])[0]!.expression).toEqual([expression]);
      }
      // A hospital is not a municipality.
      const hospitalToken = await server.tokenFor('sykehuset-ostfjord');
      expect((await putEpisodeOfCare(server.baseUrl, hospitalToken, base.query, base.body)).status).toBe(403);
      expect((await putEpisodeOfCare(server.baseUrl, '', base.query, base.body)).status).toBe(401);
      expect(await dataFingerprint(server.database.db)).toBe(before);
    });
  });

  describe('the access log', () => {
    it('writes one row per staff read of a thread or attachment, shown to the citizen newest first', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Med vedlegg', text: 'Hei' }));
      // The municipality's own system answers in the thread with a PDF.
      clock.advance(60_000);
      const token = await server.tokenFor(drammen.clientId);
      const letter = await postLetter(server.baseUrl, token, communication(drammen, lars.nationalId, { inResponseTo: [{ reference: `Communication/${sent.messageId}` }] }));
      expect(letter.status).toBe(201);
      const count = await accessLogCount(server.database.db);
      clock.set('2026-03-04T10:00:00+01:00');
      const opened = await json(await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`)));
      expect(await accessLogCount(server.database.db)).toBe(count + 1);
      const attachment = opened.messages[1].attachments[0];
      clock.set('2026-03-04T10:05:00+01:00');
      const file = await hanneJar.fetch(url(attachment.url));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(await accessLogCount(server.database.db)).toBe(count + 2);
      // Listing the shared inbox shows each thread's citizen and subject: a row per thread shown.
      clock.set('2026-03-04T11:00:00+01:00');
      const listed = await json(await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`)));
      expect(await accessLogCount(server.database.db)).toBe(count + 2 + listed.threads.length);

      // The thread and its attachment five minutes later are one visit; the listing an hour later another.
      const log = await json(await larsJar.fetch(url('/api/municipal/access-log')));
      expect(log.entries.filter((entry: { threadId: string }) => entry.threadId === sent.threadId).slice(0, 2)).toEqual([
        { at: '2026-03-04T10:00:00.000Z', staffName: 'Hanne Pleier', serviceName: 'Hjemmesykepleie, Drammen kommune, helse og omsorg', object: 'thread-summary', threadId: sent.threadId, subject: 'Med vedlegg' },
        { at: '2026-03-04T09:00:00.000Z', staffName: 'Hanne Pleier', serviceName: 'Hjemmesykepleie, Drammen kommune, helse og omsorg', object: 'attachment', threadId: sent.threadId, subject: 'Med vedlegg' },
      ]);
      // Another citizen's log has none of it.
      const maritJar = await loginAsCitizen(server.baseUrl, marit.nationalId);
      const maritLog = await json(await maritJar.fetch(url('/api/municipal/access-log')));
      expect(maritLog.entries.map((entry: { threadId: string }) => entry.threadId)).not.toContain(sent.threadId);
    });

    it('fails the read when the log write fails', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Logg feiler', text: 'Hei' }));
      const db = server.database.db;
      const count = await accessLogCount(db);
      await sql`alter table access_log add constraint access_log_test_failure check (false) not valid`.execute(db);
      try {
        const response = await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`));
        expect(response.status).toBe(500);
        expect(await response.text()).not.toContain('Hei');
      } finally {
        await sql`alter table access_log drop constraint access_log_test_failure`.execute(db);
      }
      expect(await accessLogCount(db)).toBe(count);
      expect((await hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))).status).toBe(200);
    });

    it('stays one whole chain when many staff reads happen at once', async () => {
      const sent = await json(await send(larsJar, { serviceId: homeNursing, subject: 'Mange lesere', text: 'Hei' }));
      const count = await accessLogCount(server.database.db);
      const responses = await Promise.all(Array.from({ length: 20 }, () => hanneJar.fetch(url(`/ansatt/api/threads/${sent.threadId}`))));
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
      expect(await accessLogCount(server.database.db)).toBe(count + 20);
      expect(await verifyAccessLog(server.database.db, server.accessLogKey)).toMatchObject({ ok: true, problems: [] });
      // Walked in small pages too, in chain order.
      expect(await verifyAccessLog(server.database.db, server.accessLogKey, 7)).toMatchObject({ ok: true, rows: count + 20 });
    });

    it('cannot be updated, deleted or truncated by the application', async () => {
      const db = server.database.db;
      expect(await accessLogCount(db)).toBeGreaterThan(0);
      await expect(sql`update access_log set staff_name = 'Ingen' where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from access_log where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate access_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`update access_log_head set seq = 1`.execute(db)).rejects.toThrow(/access_log_head/);
      expect(await verifyAccessLog(db, server.accessLogKey)).toMatchObject({ ok: true, problems: [] });
    });

    it('the hash chain check finds a row altered directly in the database, behind the triggers', async () => {
      const db = server.database.db;
      expect((await verifyAccessLog(db, server.accessLogKey)).ok).toBe(true);
      const { rows } = await verifyAccessLog(db, server.accessLogKey);
      // As the table's owner, bypassing the append-only trigger.
      await sql`alter table access_log disable trigger access_log_append_only`.execute(db);
      try {
        await sql`update access_log set staff_name = 'Noen andre' where seq = 2`.execute(db);
      } finally {
        await sql`alter table access_log enable trigger access_log_append_only`.execute(db);
      }
      const result = await verifyAccessLog(db, server.accessLogKey);
      expect(result.ok).toBe(false);
      expect(result.rows).toBe(rows);
      expect(result.problems).toEqual([{ seq: 2, problem: 'the row was altered: its contents do not give its hash' }]);
    });
  });
});
