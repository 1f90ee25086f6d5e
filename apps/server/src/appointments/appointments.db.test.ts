import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { osloWallTime } from '@innboks/core';
import { appointmentListSchema, appointmentViewSchema, letterAppointmentSchema, letterSchema, type AppointmentView } from '@innboks/contracts';
import { fixedClock, startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { fhirRequest } from '../testing/fhir-client.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import {
  appointmentReplySystem,
  appointmentResource,
  getFhir,
  lateReplyExtension,
  messagesFromCitizens,
  postAppointment,
  putAppointment,
  type FhirCommunication,
} from '../testing/appointments.ts';

const iso = (local: string) => osloWallTime(local).toISOString();
/** An appointment 2026-03-29 10:00–10:30 Oslo, the day summer time starts: deadline 2026-03-28 09:00. */
const dstDay = { start: iso('2026-03-29T10:00'), end: iso('2026-03-29T10:30') };

describe.each(testDatabaseKinds())('Hospital appointments on %s', (kind) => {
  let server: TestServer;
  const clock = fixedClock(iso('2026-03-20T12:00'));
  const tokens = new Map<string, string>();
  let kari: CookieJar;
  let ola: CookieJar;
  const hospital = (region: string) => server.senders.find((sender) => sender.region === region)!;
  const sorOst = () => hospital('helse-sor-ost');
  const vest = () => hospital('helse-vest');
  const nord = () => hospital('helse-nord');
  const kariId = () => server.citizens[0]!.nationalId;
  const token = async (clientId: string) => {
    if (!tokens.has(clientId)) tokens.set(clientId, await server.tokenFor(clientId));
    return tokens.get(clientId)!;
  };

  const api = async (jar: CookieJar, path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await jar.fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: init.method && init.method !== 'GET' ? csrfHeaders(jar) : {},
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  const appointmentView = async (jar: CookieJar, id: string) => appointmentViewSchema.parse((await api(jar, `/api/appointments/${id}`)).body);
  const reply = (jar: CookieJar, appointmentId: string, body: { reason: string; text?: string }) =>
    api(jar, `/api/appointments/${appointmentId}/replies`, { method: 'POST', body });

  /** An appointment letter with the appointment contained, as Helse Sør-Øst sends it. */
  const sendAppointmentLetter = async (sender = sorOst(), fields = dstDay, nationalId = kariId()) => {
    const appointment = { ...appointmentResource(sender, nationalId, fields), id: 'appt' };
    const letter = communication(sender, nationalId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'appointment-letter' }] }],
      topic: { text: 'Innkalling til poliklinisk time' },
      contained: [appointment],
      about: [{ reference: '#appt' }],
    });
    const created = await postLetter(server.baseUrl, await token(sender.clientId), letter);
    expect(created.status).toBe(201);
    const about = (created.body!.about as { reference: string }[])[0]!.reference;
    return { letterId: created.body!.id as string, appointmentId: about.replace('Appointment/', ''), identifier: appointment.identifier[0]! };
  };

  const storedCounts = async () => {
    const { rows } = await sql<{ messages: number; links: number; threads: number }>`
      select (select count(*) from message) as messages, (select count(*) from appointment_message) as links,
             (select count(*) from thread) as threads`.execute(server.database.db);
    return rows[0];
  };

  beforeAll(async () => {
    // The test moves the clock by days; sessions must outlive that.
    server = await startTestServer(kind, { clock, env: { SESSION_IDLE_TIMEOUT_SECONDS: '5000000', SESSION_MAX_AGE_SECONDS: '5000000' } });
    kari = await loginAsCitizen(server.baseUrl, kariId());
    ola = await loginAsCitizen(server.baseUrl, server.citizens[1]!.nationalId);
  });
  afterAll(async () => server?.close());

  test('the capability statement offers Appointment with conditional update and create', async () => {
    const statement = (await getFhir(server.baseUrl, undefined, '/fhir/R4/metadata')).body as unknown as { rest: { resource: Record<string, unknown>[] }[] };
    const appointment = statement.rest[0]!.resource.find((resource) => resource.type === 'Appointment')!;
    expect(appointment).toMatchObject({ conditionalUpdate: true, conditionalCreate: true });
    expect(appointment.interaction).toEqual([{ code: 'create' }, { code: 'update' }, { code: 'read' }, { code: 'search-type' }]);
  });

  test('a hospital creates, moves and cancels an appointment by conditional update, and Timeavtaler follows', async () => {
    const hospitalToken = await token(vest().clientId);
    const body = appointmentResource(vest(), kariId(), { ...dstDay, clinic: 'Hjertepoliklinikken', place: 'Haukeland, inngang 3' });
    const created = await putAppointment(server.baseUrl, hospitalToken, body);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/fhir/R4/Appointment/${created.body.id}/_history/1`);
    expect(created.body).toMatchObject({ resourceType: 'Appointment', status: 'booked', start: dstDay.start, meta: { versionId: '1' } });

    const listed = appointmentListSchema.parse((await api(kari, '/api/appointments')).body);
    const shown = listed.upcoming.find((item) => item.id === created.body.id)!;
    expect(shown).toMatchObject({
      start: dstDay.start,
      hospital: 'Vestkyst sjukehus HF',
      clinic: 'Hjertepoliklinikken',
      place: 'Haukeland, inngang 3',
      kind: 'in-person',
      cancelled: false,
      region: 'helse-vest',
      replyMode: 'dialogue',
      reply: { state: 'open', deadline: '2026-03-28T08:00:00.000Z' },
      fee: { kind: 'fixed', amountNok: 1993 },
    });

    const moved = await putAppointment(server.baseUrl, hospitalToken, { ...body, start: iso('2026-10-25T10:00'), end: iso('2026-10-25T11:00') });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: created.body.id, meta: { versionId: '2' } });
    const afterMove = await appointmentView(kari, created.body.id);
    expect(afterMove.start).toBe(iso('2026-10-25T10:00'));
    expect(afterMove.reply.deadline).toBe(iso('2026-10-24T11:00'));

    const cancelled = await putAppointment(server.baseUrl, hospitalToken, { ...body, status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    const afterCancel = await appointmentView(kari, created.body.id);
    expect(afterCancel).toMatchObject({ cancelled: true, reply: { state: 'cancelled' } });
    const read = await getFhir(server.baseUrl, hospitalToken, `/fhir/R4/Appointment/${created.body.id}`);
    expect(read.body).toMatchObject({ status: 'cancelled', meta: { versionId: '3' } });
  });

  test('POST creates; the same identifier again answers 200 with the first and changes nothing', async () => {
    const hospitalToken = await token(nord().clientId);
    const body = appointmentResource(nord(), kariId(), { ...dstDay, kind: 'video' });
    const first = await postAppointment(server.baseUrl, hospitalToken, body);
    expect(first.status).toBe(201);
    const identifier = body.identifier[0]!;
    const again = await postAppointment(server.baseUrl, hospitalToken, { ...body, start: iso('2026-04-01T08:00'), end: iso('2026-04-01T09:00') }, { 'if-none-exist': `identifier=${identifier.system}|${identifier.value}` });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, start: dstDay.start });
    const search = await getFhir(server.baseUrl, hospitalToken, `/fhir/R4/Appointment?identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`);
    expect(search.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect((await appointmentView(kari, first.body.id)).fee).toEqual({ kind: 'none', reason: 'remote-consultation' });
  });

  test('bad appointments are refused with an OperationOutcome naming the element, and nothing is stored', async () => {
    const hospitalToken = await token(vest().clientId);
    const good = appointmentResource(vest(), kariId(), dstDay);
    const before = await sql<{ count: number }>`select count(*) as count from appointment`.execute(server.database.db);
    const cases: { body: unknown; status: number; expression: string }[] = [
      { body: { ...good, start: undefined }, status: 400, expression: 'Appointment.start' },
      { body: { ...good, start: '2026-03-29T10:00' }, status: 400, expression: 'Appointment.start' },
      { body: { ...good, end: good.start }, status: 400, expression: 'Appointment.end' },
      { body: { ...good, status: 'maybe' }, status: 400, expression: 'Appointment.status' },
      { body: { ...good, participant: good.participant.slice(1) }, status: 400, expression: 'Appointment.participant' },
      { body: { ...good, appointmentType: { coding: [{ system: 'urn:innboks:code:appointment-kind', code: 'carrier-pigeon' }] } }, status: 400, expression: 'Appointment.appointmentType.coding[0].code' },
      {
        body: { ...good, participant: [good.participant[0], { actor: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: sorOst().organizationNumber } } }] },
        status: 403,
        expression: 'Appointment.participant',
      },
    ];
    for (const { body, status, expression } of cases) {
      const response = await postAppointment(server.baseUrl, hospitalToken, body);
      expect(response.status, expression).toBe(status);
      expect(response.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ expression: [expression] })] });
    }
    const mismatch = await fhirRequest(server.baseUrl, hospitalToken, 'PUT', '/fhir/R4/Appointment?identifier=urn:other|x', good);
    expect(mismatch.status).toBe(400);
    const after = await sql<{ count: number }>`select count(*) as count from appointment`.execute(server.database.db);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  test('an appointment cannot move to another citizen, and a letter cannot be about another citizen\'s appointment', async () => {
    const hospitalToken = await token(sorOst().clientId);
    const body = appointmentResource(sorOst(), kariId(), dstDay);
    await putAppointment(server.baseUrl, hospitalToken, body);
    const otherCitizen = appointmentResource(sorOst(), server.citizens[1]!.nationalId, dstDay, body.identifier[0]);
    const moved = await putAppointment(server.baseUrl, hospitalToken, otherCitizen);
    expect(moved.status).toBe(422);

    const before = await storedCounts();
    const letter = communication(sorOst(), server.citizens[1]!.nationalId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'appointment-letter' }] }],
      about: [{ identifier: body.identifier[0] }],
    });
    const refused = await postLetter(server.baseUrl, hospitalToken, letter);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issue: [expect.objectContaining({ expression: ['Communication.about[0]'] })] });
    const unknown = await postLetter(server.baseUrl, hospitalToken, { ...letter, about: [{ reference: 'Appointment?identifier=urn:nothing|here' }] });
    expect(unknown.status).toBe(422);
    expect(await storedCounts()).toEqual(before);
  });

  test('Helse Sør-Øst: the letter shows its appointment, the reply reaches the hospital, and its answer comes back in the thread', async () => {
    const { letterId, appointmentId, identifier } = await sendAppointmentLetter();
    const panel = letterAppointmentSchema.parse((await api(kari, `/api/letters/${letterId}/appointment`)).body).appointment!;
    expect(panel).toMatchObject({ id: appointmentId, replyMode: 'reply-button', reply: { state: 'open', deadline: '2026-03-28T08:00:00.000Z' }, letterId });

    clock.set(iso('2026-03-21T09:00'));
    const sent = await reply(kari, appointmentId, { reason: 'cannot-attend', text: 'Jeg er bortreist den dagen.' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ threadId: letterId, late: false });

    const hospitalToken = await token(sorOst().clientId);
    const found = (await messagesFromCitizens(server.baseUrl, hospitalToken, sorOst())).find((message) => message.id === sent.body.messageId)!;
    expect(found).toMatchObject({
      status: 'completed',
      sender: { identifier: { value: kariId() }, display: 'Kari Nordmann' },
      recipient: [{ identifier: { value: sorOst().organizationNumber } }],
      inResponseTo: [{ reference: `Communication/${letterId}` }],
      about: [{ reference: `Appointment/${appointmentId}`, identifier }],
      reasonCode: [{ coding: [{ system: appointmentReplySystem, code: 'cannot-attend' }] }],
    });
    expect(found.topic.text).toBe('Timen passer ikke – søndag 29. mars 2026 kl. 10:00');
    expect(found.payload.map((part) => part.contentString)).toEqual(['Timen søndag 29. mars 2026 kl. 10:00 passer ikke.', 'Jeg er bortreist den dagen.']);
    expect(found.extension).toContainEqual({ url: lateReplyExtension, valueBoolean: false });
    // Nothing was delivered to the hospital by a channel: no delivery extension at all, never an empty one (ext-1).
    expect(found.extension.map((extension) => extension.url)).not.toContain('urn:innboks:extension:delivery');
    expect((found.recipient[0] as { display?: string }).display).toBeTruthy();

    clock.set(iso('2026-03-21T10:00'));
    const answer = await postLetter(server.baseUrl, hospitalToken, communication(sorOst(), kariId(), {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'message' }] }],
      topic: { text: 'Ny time' },
      payload: [{ contentString: 'Vi har satt opp en ny time til deg 2. april.' }],
      inResponseTo: [{ reference: `Communication/${found.id}` }],
    }));
    expect(answer.status).toBe(201);
    // The answer goes the way of every letter to the citizen: the delivery job, which sends the notice.
    const jobs = await sql<{ payload: { messageId: string } }>`select payload from job where kind = 'deliver-letter'`.execute(server.database.db);
    expect(jobs.rows.map((row) => row.payload.messageId)).toContain(answer.body!.id);

    const inbox = (await api(kari, '/api/inbox')).body as { items: { id: string; unread: boolean; messageCount: number }[] };
    expect(inbox.items.find((item) => item.id === letterId)).toMatchObject({ unread: true, messageCount: 3 });
    const thread = letterSchema.parse((await api(kari, `/api/letters/${letterId}`)).body);
    expect(thread.messages.map((message) => [message.direction, message.text[0]])).toEqual([
      ['to-citizen', 'Hei! Her er svaret på undersøkelsen din ved hjertepoliklinikken.'],
      ['from-citizen', 'Timen søndag 29. mars 2026 kl. 10:00 passer ikke.'],
      ['to-citizen', 'Vi har satt opp en ny time til deg 2. april.'],
    ]);
    expect((await appointmentView(kari, appointmentId)).replies).toEqual([{ reason: 'cannot-attend', sentAt: iso('2026-03-21T09:00'), late: false, threadId: letterId }]);
  });

  test('a moved or cancelled appointment shows as such beside its letter', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const { letterId, identifier } = await sendAppointmentLetter();
    const hospitalToken = await token(sorOst().clientId);
    const moved = appointmentResource(sorOst(), kariId(), { start: iso('2026-04-02T09:00'), end: iso('2026-04-02T09:30') }, identifier);
    expect((await putAppointment(server.baseUrl, hospitalToken, moved)).status).toBe(200);
    const panel = letterAppointmentSchema.parse((await api(kari, `/api/letters/${letterId}/appointment`)).body).appointment!;
    expect(panel).toMatchObject({ start: iso('2026-04-02T09:00'), reply: { deadline: iso('2026-04-01T09:00') }, cancelled: false });

    expect((await putAppointment(server.baseUrl, hospitalToken, { ...moved, status: 'cancelled' })).status).toBe(200);
    const cancelled = letterAppointmentSchema.parse((await api(kari, `/api/letters/${letterId}/appointment`)).body).appointment!;
    expect(cancelled).toMatchObject({ cancelled: true, reply: { state: 'cancelled' } });
    // A letter that is about no appointment has no panel.
    const plain = await postLetter(server.baseUrl, hospitalToken, communication(sorOst(), kariId()));
    expect((await api(kari, `/api/letters/${plain.body!.id as string}/appointment`)).body).toEqual({ appointment: null });
  });

  test('a reply less than 24 hours before the start still goes, flagged late, and the fee that applies is shown', async () => {
    const { appointmentId } = await sendAppointmentLetter(sorOst(), dstDay);
    clock.set(iso('2026-03-28T09:01'));
    const view = await appointmentView(kari, appointmentId);
    expect(view).toMatchObject({ reply: { state: 'late' }, fee: { kind: 'fixed', amountNok: 1993 } });
    const sent = await reply(kari, appointmentId, { reason: 'cannot-attend' });
    expect(sent.status).toBe(201);
    expect(sent.body.late).toBe(true);
    const found = (await messagesFromCitizens(server.baseUrl, await token(sorOst().clientId), sorOst())).find((message) => message.id === sent.body.messageId)!;
    expect(found.extension).toContainEqual({ url: lateReplyExtension, valueBoolean: true });

    const mental = appointmentResource(sorOst(), kariId(), { ...dstDay, careArea: 'mental-health' });
    const created = await putAppointment(server.baseUrl, await token(sorOst().clientId), mental);
    expect((await appointmentView(kari, created.body.id)).fee).toEqual({ kind: 'up-to', amountNok: 443 });
  });

  test('a reply is refused with a clear error once the appointment has started, or when it is cancelled, and nothing is stored', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const { appointmentId, identifier } = await sendAppointmentLetter();
    const before = await storedCounts();
    clock.set(iso('2026-03-29T10:00'));
    const started = await reply(kari, appointmentId, { reason: 'cannot-attend' });
    expect(started.status).toBe(409);
    expect(started.body).toMatchObject({ type: 'urn:innboks:problem:appointment-started', title: 'Timen har begynt' });
    expect((await appointmentView(kari, appointmentId)).reply.state).toBe('started');

    clock.set(iso('2026-03-20T12:00'));
    const cancelled = appointmentResource(sorOst(), kariId(), { ...dstDay, status: 'cancelled' }, identifier);
    expect((await putAppointment(server.baseUrl, await token(sorOst().clientId), cancelled)).status).toBe(200);
    const refused = await reply(kari, appointmentId, { reason: 'cannot-attend' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'urn:innboks:problem:appointment-cancelled', title: 'Timen er avlyst' });
    expect(await storedCounts()).toEqual(before);
  });

  test('another citizen\'s appointment or letter is not found, exactly like a missing one', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const { letterId, appointmentId } = await sendAppointmentLetter();
    const missing = await reply(ola, '00000000-0000-4000-8000-000000000000', { reason: 'cannot-attend' });
    const others = await reply(ola, appointmentId, { reason: 'cannot-attend' });
    expect(others.status).toBe(404);
    expect(others.body).toEqual({ ...missing.body, instance: `/api/appointments/${appointmentId}/replies` });
    expect((await api(ola, `/api/appointments/${appointmentId}`)).status).toBe(404);
    expect((await api(ola, `/api/letters/${letterId}/appointment`)).status).toBe(404);
    const olas = appointmentListSchema.parse((await api(ola, '/api/appointments')).body);
    expect([...olas.upcoming, ...olas.past].map((item) => item.id)).not.toContain(appointmentId);
  });

  test('an answer given once per booking is refused the second time with a clear 409, until the hospital changes the appointment', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const { appointmentId, identifier } = await sendAppointmentLetter();
    expect((await reply(kari, appointmentId, { reason: 'cannot-attend' })).status).toBe(201);
    clock.set(iso('2026-03-20T12:05'));
    const before = await storedCounts();
    const again = await reply(kari, appointmentId, { reason: 'cannot-attend', text: 'Igjen' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:innboks:problem:appointment-already-answered', title: 'Allerede sendt' });
    expect(again.body.detail).toContain('20. mars 2026 kl. 12:00');
    expect(await storedCounts()).toEqual(before);

    // A new time from the hospital is a new booking to answer.
    clock.set(iso('2026-03-21T08:00'));
    const moved = appointmentResource(sorOst(), kariId(), { ...dstDay, start: iso('2026-04-02T10:00'), end: iso('2026-04-02T11:00') }, identifier);
    expect((await putAppointment(server.baseUrl, await token(sorOst().clientId), moved)).status).toBe(200);
    clock.set(iso('2026-03-21T09:00'));
    expect((await reply(kari, appointmentId, { reason: 'cannot-attend' })).status).toBe(201);

    // In the dialogue each reason but a question goes once; questions may be asked again.
    const vestAppointment = await putAppointment(server.baseUrl, await token(vest().clientId), appointmentResource(vest(), kariId(), dstDay));
    clock.set(iso('2026-03-21T10:00'));
    for (const reason of ['confirm', 'request-change', 'request-end-of-treatment'] as const) {
      expect((await reply(kari, vestAppointment.body.id, { reason })).status).toBe(201);
      expect((await reply(kari, vestAppointment.body.id, { reason })).status).toBe(409);
    }
    expect((await reply(kari, vestAppointment.body.id, { reason: 'question', text: 'Må jeg faste?' })).status).toBe(201);
    expect((await reply(kari, vestAppointment.body.id, { reason: 'question', text: 'Kan jeg ta med barn?' })).status).toBe(201);
  });

  test('each region takes only its own kind of reply', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const { appointmentId } = await sendAppointmentLetter();
    const sorOstConfirm = await reply(kari, appointmentId, { reason: 'confirm' });
    expect(sorOstConfirm.status).toBe(422);
    expect(sorOstConfirm.body.type).toBe('urn:innboks:problem:reply-reason-not-offered');
    const vestAppointment = await putAppointment(server.baseUrl, await token(vest().clientId), appointmentResource(vest(), kariId(), dstDay));
    expect((await reply(kari, vestAppointment.body.id, { reason: 'cannot-attend' })).status).toBe(422);
    const question = await reply(kari, vestAppointment.body.id, { reason: 'question', text: '  ' });
    expect(question.status).toBe(400);
    expect(question.body.errors).toEqual([{ field: 'text', message: 'Skriv spørsmålet ditt' }]);
  });

  describe('the appointment dialogue (Helse Vest, Helse Nord) round trip for every reason code', () => {
    const dialogue = [
      { region: 'helse-vest', reason: 'confirm', text: undefined, sentence: 'Jeg bekrefter timen søndag 29. mars 2026 kl. 10:00.' },
      { region: 'helse-vest', reason: 'question', text: 'Må jeg faste før timen?', sentence: 'Spørsmål om timen søndag 29. mars 2026 kl. 10:00:' },
      { region: 'helse-nord', reason: 'request-change', text: 'Jeg kan heller i uke 15.', sentence: 'Jeg ønsker å endre timen søndag 29. mars 2026 kl. 10:00.' },
      { region: 'helse-nord', reason: 'request-end-of-treatment', text: undefined, sentence: 'Jeg ønsker å avslutte behandlingen (gjelder timen søndag 29. mars 2026 kl. 10:00).' },
    ] as const;

    test.each(dialogue)('$region: $reason reaches the hospital with its reason code, and the answer lands in the inbox thread', async ({ region, reason, text, sentence }) => {
      clock.set(iso('2026-03-20T12:00'));
      const sender = hospital(region);
      const hospitalToken = await token(sender.clientId);
      const body = appointmentResource(sender, kariId(), dstDay);
      const appointment = await putAppointment(server.baseUrl, hospitalToken, body);
      const view: AppointmentView = await appointmentView(kari, appointment.body.id);
      expect(view).toMatchObject({ replyMode: 'dialogue', letterId: null });

      const sent = await reply(kari, appointment.body.id, { reason, ...(text ? { text } : {}) });
      expect(sent.status).toBe(201);
      const threadId = sent.body.threadId as string;
      const inbox = (await api(kari, '/api/inbox')).body as { items: { id: string; subject: string; senderName: string; unread: boolean }[] };
      expect(inbox.items.find((item) => item.id === threadId)).toMatchObject({ senderName: 'Ortopedisk poliklinikk', unread: false });

      const found: FhirCommunication = (await messagesFromCitizens(server.baseUrl, hospitalToken, sender)).find((message) => message.id === sent.body.messageId)!;
      expect(found.reasonCode).toEqual([{ coding: [{ system: appointmentReplySystem, code: reason }] }]);
      expect(found.about).toEqual([{ reference: `Appointment/${appointment.body.id}`, type: 'Appointment', identifier: body.identifier[0] }]);
      expect(found.inResponseTo).toBeUndefined();
      expect(found.extension).toContainEqual({ url: lateReplyExtension, valueBoolean: false });
      expect(found.payload.map((part) => part.contentString)).toEqual([sentence, ...(text ? [text] : [])]);

      clock.advance(60_000);
      const answer = await postLetter(server.baseUrl, hospitalToken, communication(sender, kariId(), {
        category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'message' }] }],
        topic: { text: 'Svar fra poliklinikken' },
        payload: [{ contentString: `Svar på ${reason}` }],
        inResponseTo: [{ reference: `Communication/${found.id}` }],
      }));
      expect(answer.status).toBe(201);
      const after = (await api(kari, '/api/inbox')).body as { items: { id: string; unread: boolean }[] };
      expect(after.items.find((item) => item.id === threadId)).toMatchObject({ unread: true });
      const thread = letterSchema.parse((await api(kari, `/api/letters/${threadId}`)).body);
      expect(thread.messages.map((message) => message.direction)).toEqual(['from-citizen', 'to-citizen']);
      expect(thread.messages[1]!.text).toEqual([`Svar på ${reason}`]);

      // A second dialogue message about the same appointment joins the same thread.
      const second = await reply(kari, appointment.body.id, { reason: 'question', text: 'Takk! Ett spørsmål til.' });
      expect(second.body.threadId).toBe(threadId);
    });

    test('a dialogue about an appointment that came with a letter answers the letter, in its thread', async () => {
      clock.set(iso('2026-03-20T12:00'));
      const { letterId, appointmentId } = await sendAppointmentLetter(vest());
      const panel = letterAppointmentSchema.parse((await api(kari, `/api/letters/${letterId}/appointment`)).body).appointment!;
      expect(panel).toMatchObject({ replyMode: 'dialogue', letterId });
      const sent = await reply(kari, appointmentId, { reason: 'confirm' });
      expect(sent.body.threadId).toBe(letterId);
      const found = (await messagesFromCitizens(server.baseUrl, await token(vest().clientId), vest())).find((message) => message.id === sent.body.messageId)!;
      expect(found.inResponseTo).toEqual([{ reference: `Communication/${letterId}` }]);
    });
  });
});
