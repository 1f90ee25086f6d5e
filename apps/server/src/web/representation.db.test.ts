/**
 * Acting for others through the web API, on both databases: a parent for a child
 * under 12 and one aged 12–15, a holder of a power of attorney, what each may see and
 * do, what is recorded, and what the sender gets. The demo world (demo-data.ts) has
 * Kari as parent of Emma (8) and Jonas (14) and Ola holding a power from Anne.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { fixedClock } from '@innboks/core';
import type { AppointmentList, InboxPage, Representation, RepresentationLog } from '@innboks/contracts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { appointmentResource, messagesFromCitizens, putAppointment } from '../testing/appointments.ts';
import { demoCitizen } from '../demo/demo-data.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { youngPersonLetterFields, youngPersonLetters } from '../testing/young-person-letters.ts';
import { loginAsStaff } from '../testing/staff-login.ts';
import { hanne, serviceId } from '../testing/municipal.ts';

const sentByExtension = 'urn:innboks:extension:sent-by';

describe.each(testDatabaseKinds())('Acting for others on %s', (kind) => {
  const clock = fixedClock('2026-12-05T10:00:00Z');
  let server: TestServer;
  let kari: CookieJar;

  const api = async <T>(jar: CookieJar, path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await jar.fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: init.method && init.method !== 'GET' ? csrfHeaders(jar) : {},
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const representation = (jar: CookieJar) => api<Representation>(jar, '/api/representation');
  const actFor = (jar: CookieJar, personId: string | null) => api<Representation>(jar, '/api/representation/acting-for', { method: 'PUT', body: { personId } });
  const personId = async (jar: CookieJar, name: string) => (await representation(jar)).body.candidates.find((candidate) => candidate.name === name)!.personId;
  const subjects = async (jar: CookieJar) => (await api<InboxPage>(jar, '/api/inbox')).body.items.map((item) => item.subject).sort();
  const threadBySubject = async (nationalId: string, subject: string) =>
    (await sql<{ id: string }>`select t.id from thread t join citizen c on c.id = t.citizen_id where c.national_id = ${nationalId} and t.subject = ${subject}`.execute(server.database.db)).rows[0]!.id;
  const logRows = async () => Number((await sql<{ count: string }>`select count(*) as count from representation_log`.execute(server.database.db)).rows[0]!.count);

  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
    kari = await loginAsCitizen(server.baseUrl, demoCitizen('Kari Nordmann').nationalId);
    const gp = server.senders.find((sender) => sender.kind === 'gp')!;
    const token = await server.tokenFor(gp.clientId);
    for (const letter of youngPersonLetters) {
      expect((await postLetter(server.baseUrl, token, communication(gp, demoCitizen('Jonas Ungdom').nationalId, youngPersonLetterFields(letter)))).status).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  test('a parent is offered the children they have parental responsibility for, and acts for nobody until they choose', async () => {
    const { body } = await representation(kari);
    expect(body.actingFor).toBeNull();
    expect(body.candidates.map((candidate) => [candidate.name, candidate.relation, candidate.available])).toEqual([
      ['Emma Nordmann', 'FO', true],
      ['Jonas Ungdom', 'FO', true],
    ]);
  });

  test('acting for an 8-year-old shows the child\'s letters but not the one hidden from parents, which answers 404 and is not counted', async () => {
    const emma = await personId(kari, 'Emma Nordmann');
    expect((await actFor(kari, emma)).body.actingFor).toMatchObject({ name: 'Emma Nordmann', relation: 'FO' });
    expect(await subjects(kari)).toEqual(['Time for vaksinasjon']);
    const inbox = await api<InboxPage>(kari, '/api/inbox');
    expect(inbox.body.unread.total).toBe(1);
    const hidden = await threadBySubject(demoCitizen('Emma Nordmann').nationalId, 'Samtale med helsesykepleier');
    const before = await logRows();
    const refused = await api(kari, `/api/letters/${hidden}`);
    const missing = await api(kari, '/api/letters/00000000-0000-4000-8000-000000000000');
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ ...(missing.body as object), instance: `/api/letters/${hidden}` });
    expect(await logRows()).toBe(before);
  });

  test('acting for a 14-year-old shows only what the sender opened to parents; an unmarked letter stays the young person\'s', async () => {
    await actFor(kari, await personId(kari, 'Jonas Ungdom'));
    expect(await subjects(kari)).toEqual(['Egenandel for foreldre', 'Svar på blodprøve']);
  });

  test('the 14-year-old sees their own letters, never the parent-only one', async () => {
    const jonas = await loginAsCitizen(server.baseUrl, demoCitizen('Jonas Ungdom').nationalId);
    expect(await subjects(jonas)).toEqual(['Samtale på helsestasjon for ungdom', 'Svar på blodprøve']);
    const parentOnly = await threadBySubject(demoCitizen('Jonas Ungdom').nationalId, 'Egenandel for foreldre');
    expect((await api(jonas, `/api/letters/${parentOnly}`)).status).toBe(404);
  });

  test('every read by a representative is recorded with who, for whom, what and when', async () => {
    await actFor(kari, await personId(kari, 'Emma Nordmann'));
    const letter = await threadBySubject(demoCitizen('Emma Nordmann').nationalId, 'Time for vaksinasjon');
    expect((await api(kari, `/api/letters/${letter}`)).status).toBe(200);
    const { rows } = await sql<{ representative_name: string; relation: string; action: string; object_kind: string; object_id: string; at: Date; person: string }>`
      select l.*, c.name as person from representation_log l join citizen c on c.id = l.citizen_id where l.object_id = ${letter}`.execute(server.database.db);
    expect(rows.map((row) => [row.representative_name, row.person, row.relation, row.action, row.object_kind, new Date(row.at).toISOString()])).toEqual([
      ['Kari Nordmann', 'Emma Nordmann', 'FO', 'read', 'thread', '2026-12-05T10:00:00.000Z'],
    ]);
  });

  test('a parent answers the child\'s appointment, and the hospital sees who sent it for whom', async () => {
    await actFor(kari, await personId(kari, 'Emma Nordmann'));
    const appointments = await api<AppointmentList>(kari, '/api/appointments');
    expect(appointments.body.upcoming.map((appointment) => appointment.clinic)).toEqual(['Barnepoliklinikken']);
    const checkUp = appointments.body.upcoming[0]!;
    const sent = await api<{ messageId: string }>(kari, `/api/appointments/${checkUp.id}/replies`, { method: 'POST', body: { reason: 'confirm' } });
    expect(sent.status).toBe(201);
    const hospital = server.senders.find((sender) => sender.clientId === 'vestkyst-sjukehus')!;
    const fromCitizens = await messagesFromCitizens(server.baseUrl, await server.tokenFor(hospital.clientId), hospital);
    const reply = fromCitizens.find((communication) => communication.id === sent.body.messageId) as unknown as {
      sender: { identifier: { value: string } };
      extension: { url: string; valueReference?: { identifier?: { value: string }; display: string; extension: { url: string; valueCode: string }[] } }[];
    };
    expect(reply.sender.identifier.value).toBe(demoCitizen('Emma Nordmann').nationalId);
    expect(reply.extension.find((extension) => extension.url === sentByExtension)?.valueReference).toEqual({
      identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: demoCitizen('Kari Nordmann').nationalId },
      display: 'Kari Nordmann',
      extension: [{ url: 'relation', valueCode: 'FO' }],
    });
  });

  test('an appointment the hospital marks N shows in Timeavtaler for the parent of a 14-year-old; an unmarked one does not', async () => {
    const vest = server.senders.find((sender) => sender.clientId === 'vestkyst-sjukehus')!;
    const token = await server.tokenFor(vest.clientId);
    const start = new Date('2027-01-10T09:00:00Z');
    const fields = (clinic: string) => ({ start: start.toISOString(), end: new Date(start.getTime() + 1_800_000).toISOString(), clinic });
    const opened = { ...appointmentResource(vest, demoCitizen('Jonas Ungdom').nationalId, fields('Ungdomsklinikken, åpen')), extension: [{ url: 'urn:innboks:extension:representative-access', valueCode: 'N' }] };
    expect((await putAppointment(server.baseUrl, token, opened)).status).toBe(201);
    expect((await putAppointment(server.baseUrl, token, appointmentResource(vest, demoCitizen('Jonas Ungdom').nationalId, fields('Ungdomsklinikken, uten kode')))).status).toBe(201);
    await actFor(kari, await personId(kari, 'Jonas Ungdom'));
    const asParent = await api<AppointmentList>(kari, '/api/appointments');
    expect(asParent.body.upcoming.map((appointment) => appointment.clinic)).toEqual(['Ungdomsklinikken, åpen']);
    const jonas = await loginAsCitizen(server.baseUrl, demoCitizen('Jonas Ungdom').nationalId);
    const own = await api<AppointmentList>(jonas, '/api/appointments');
    expect(own.body.upcoming.map((appointment) => appointment.clinic).sort()).toEqual(['Ungdomsklinikken, uten kode', 'Ungdomsklinikken, åpen']);
  });

  test('a representative cannot change the person\'s notice channels, and nothing is saved', async () => {
    await actFor(kari, await personId(kari, 'Jonas Ungdom'));
    const refused = await api<{ errors: { field: string }[] }>(kari, '/api/notice-settings', { method: 'PUT', body: { choice: 'sms' } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]!.field).toBe('choice');
    expect((await sql`select 1 from notice_setting n join citizen c on c.id = n.citizen_id where c.national_id = ${demoCitizen('Jonas Ungdom').nationalId}`.execute(server.database.db)).rows).toEqual([]);
  });

  test('someone with no relation to a person cannot choose them: 404, and the session stays their own', async () => {
    const ola = await loginAsCitizen(server.baseUrl, demoCitizen('Ola Hansen').nationalId);
    const emma = await personId(kari, 'Emma Nordmann');
    expect((await actFor(ola, emma)).status).toBe(404);
    expect((await representation(ola)).body.actingFor).toBeNull();
  });

  test('a power of attorney given in the app lets the holder act at once; ended, the holder\'s next request is 404 and the log shows what they did', async () => {
    const ola = await loginAsCitizen(server.baseUrl, demoCitizen('Ola Hansen').nationalId);
    const given = await api<Representation>(kari, '/api/representation/powers', { method: 'POST', body: { holderNationalId: demoCitizen('Ola Hansen').nationalId, validUntil: '2027-06-30' } });
    expect(given.status).toBe(201);
    const power = given.body.powersGiven.find((entry) => entry.endedAt === null)!;
    expect(power).toMatchObject({ holderName: 'Ola Hansen', validUntil: '2027-06-30' });

    // Kari is acting for Jonas in her own session: giving and ending are still hers alone.
    const kariAsPerson = (await representation(ola)).body.candidates.find((candidate) => candidate.name === 'Kari Nordmann')!;
    expect(kariAsPerson).toMatchObject({ relation: 'FU', available: true, validUntil: '2027-06-30' });
    await actFor(ola, kariAsPerson.personId);
    expect((await api<InboxPage>(ola, '/api/inbox')).body.items.length).toBeGreaterThan(0);

    expect((await api(kari, `/api/representation/powers/${power.id}`, { method: 'DELETE' })).status).toBe(200);
    const before = await logRows();
    expect((await api(ola, '/api/inbox')).status).toBe(404);
    expect(await logRows()).toBe(before);
    expect((await representation(ola)).body.actingFor).toBeNull();

    const log = await api<RepresentationLog>(kari, '/api/representation/log');
    expect(log.body.entries).toContainEqual({ at: '2026-12-05T10:00:00.000Z', representativeName: 'Ola Hansen', relation: 'FU', action: 'list', objectKind: 'inbox' });
  });

  test('a message a holder of a power of attorney writes to the municipality shows the staff who sent it for whom', async () => {
    const lars = await loginAsCitizen(server.baseUrl, demoCitizen('Lars Kommunesen').nationalId);
    const given = await api(lars, '/api/representation/powers', { method: 'POST', body: { holderNationalId: demoCitizen('Marit Naboen').nationalId } });
    expect(given.status).toBe(201);
    const marit = await loginAsCitizen(server.baseUrl, demoCitizen('Marit Naboen').nationalId);
    await actFor(marit, await personId(marit, 'Lars Kommunesen'));
    const homeNursing = await serviceId(server.database.db, 'drammen-helse-omsorg', 'hjemmesykepleie');
    const sent = await api<{ threadId: string }>(marit, '/api/municipal/messages', { method: 'POST', body: { serviceId: homeNursing, subject: 'Besøk', text: 'Kan dere komme før lunsj?' } });
    expect(sent.status).toBe(201);
    const staff = await loginAsStaff(server.baseUrl, hanne.nationalId);
    const thread = await staff.fetch(`${server.baseUrl}/ansatt/api/threads/${sent.body.threadId}`);
    const body = (await thread.json()) as { citizen: { name: string }; messages: { sentBy: unknown }[] };
    expect(body.citizen.name).toBe('Lars Kommunesen');
    expect(body.messages[0]!.sentBy).toEqual({ name: 'Marit Naboen', relation: 'FU' });
  });

  test('a representative\'s look at the municipal services and a municipal conversation is in the person\'s log, and a miss records nothing', async () => {
    const lars = await loginAsCitizen(server.baseUrl, demoCitizen('Lars Kommunesen').nationalId);
    await api(lars, '/api/representation/powers', { method: 'POST', body: { holderNationalId: demoCitizen('Marit Naboen').nationalId } });
    const marit = await loginAsCitizen(server.baseUrl, demoCitizen('Marit Naboen').nationalId);
    await actFor(marit, await personId(marit, 'Lars Kommunesen'));
    const homeNursing = await serviceId(server.database.db, 'drammen-helse-omsorg', 'hjemmesykepleie');
    const sent = await api<{ threadId: string; messageId: string }>(marit, '/api/municipal/messages', { method: 'POST', body: { serviceId: homeNursing, subject: 'Medisiner', text: 'Trenger han ny dosett?' } });
    expect(sent.status).toBe(201);
    const thread = await api<{ sentBy?: unknown }>(marit, `/api/municipal/threads/${sent.body.threadId}`);
    expect(thread.status).toBe(200);
    expect((await api(marit, '/api/municipal/services')).status).toBe(200);
    expect((await api(marit, '/api/municipal/access-log')).status).toBe(200);
    const before = await logRows();
    expect((await api(marit, '/api/municipal/threads/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await logRows()).toBe(before);

    const log = await api<RepresentationLog>(lars, '/api/representation/log');
    const municipal = log.body.entries.filter((entry) => entry.objectKind.startsWith('municipal') && entry.representativeName === 'Marit Naboen');
    expect(municipal.map((entry) => [entry.action, entry.objectKind])).toEqual(
      expect.arrayContaining([
        ['send', 'municipal-message'],
        ['read', 'municipal-message'],
        ['list', 'municipal-services'],
        ['list', 'municipal-access-log'],
      ]),
    );
    const { rows } = await sql<{ sent_by_name: string; sent_by_relation: string }>`select sent_by_name, sent_by_relation from message where thread_id = ${sent.body.threadId}`.execute(server.database.db);
    expect(rows).toEqual([{ sent_by_name: 'Marit Naboen', sent_by_relation: 'FU' }]);
  });

  test('nobody under 16 gives a power of attorney, and nobody under 18 holds one: 422 naming the field, nothing stored', async () => {
    const jonas = await loginAsCitizen(server.baseUrl, demoCitizen('Jonas Ungdom').nationalId);
    const refused = await api<{ errors: { field: string }[] }>(jonas, '/api/representation/powers', { method: 'POST', body: { holderNationalId: demoCitizen('Ola Hansen').nationalId } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]!.field).toBe('holderNationalId');
    const badDate = await api<{ errors: { field: string }[] }>(kari, '/api/representation/powers', { method: 'POST', body: { holderNationalId: demoCitizen('Ola Hansen').nationalId, validUntil: '30.06.2027' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0]!.field).toBe('validUntil');
    expect((await sql`select 1 from power_of_attorney p join citizen c on c.id = p.citizen_id where c.national_id = ${demoCitizen('Jonas Ungdom').nationalId}`.execute(server.database.db)).rows).toEqual([]);
  });

  test('on the 16th birthday, at Oslo midnight, the parent\'s access ends by itself', async () => {
    clock.set('2028-03-13T22:45:00Z');
    const parent = await loginAsCitizen(server.baseUrl, demoCitizen('Kari Nordmann').nationalId);
    await actFor(parent, await personId(parent, 'Jonas Ungdom'));
    clock.set('2028-03-13T22:59:59Z');
    expect((await api(parent, '/api/inbox')).status).toBe(200);
    clock.set('2028-03-13T23:00:00Z');
    expect((await api(parent, '/api/inbox')).status).toBe(404);
    expect((await representation(parent)).body).toMatchObject({ actingFor: null, candidates: [{ name: 'Emma Nordmann' }] });
    clock.set('2026-12-05T10:00:00Z');
  });
});
