/**
 * The FHIR R4 REST rules the sender API keeps beyond its own contract: versions and
 * ETags, If-Match, update by id, search parameters, content negotiation, absolute
 * Bundle URLs and Prefer: return=minimal. Every answer is read through the
 * conformance check (testing/fhir-conformance.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticNationalId } from '@innboks/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { appointmentResource, putAppointment } from '../testing/appointments.ts';
import { demoEpisodeOfCare, drammen, lier, marit, putEpisodeOfCare } from '../testing/municipal.ts';
import { fhirRequest, getFhir } from '../testing/fhir-client.ts';

const slot = { start: '2026-09-01T08:00:00Z', end: '2026-09-01T08:30:00Z' };

describe.each(testDatabaseKinds())('FHIR REST rules on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;
  const gp = () => server.senders.find((sender) => sender.kind === 'gp')!;
  const citizen = () => server.citizens[0]!.nationalId;
  const query = (identifier: { system: string; value: string }) => `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  test('the capability statement declares what is served: versioned updates, update by id, reads by id, search by identifier', async () => {
    const statement = (await getFhir(server.baseUrl, undefined, '/fhir/R4/metadata')).body as unknown as { rest: { resource: Record<string, unknown>[] }[] };
    const resource = (type: string) => statement.rest[0]!.resource.find((candidate) => candidate.type === type)!;
    for (const type of ['Appointment', 'EpisodeOfCare']) {
      expect(resource(type), type).toMatchObject({ versioning: 'versioned-update', interaction: expect.arrayContaining([{ code: 'update' }]) });
    }
    expect(resource('HealthcareService').interaction).toContainEqual({ code: 'read' });
    expect(resource('Communication').searchParam).toContainEqual(expect.objectContaining({ name: 'identifier' }));
  });

  describe('versions', () => {
    test("a letter's version moves with its delivery, and the answers say so in ETag, Last-Modified and Content-Location", async () => {
      const created = await postLetter(server.baseUrl, token, communication(hospital(), citizen()));
      const id = created.body.id;
      expect(created.headers.get('location')).toBe(`/fhir/R4/Communication/${id}`);
      expect(created.headers.get('content-location')).toBe(`/fhir/R4/Communication/${id}/_history/1`);
      expect(created.headers.get('etag')).toBe('W/"1"');
      expect(created.headers.get('last-modified')).toBe(new Date((created.body.meta as { lastUpdated: string }).lastUpdated).toUTCString());

      await server.worker.drain();
      const read = await getFhir(server.baseUrl, token, `/fhir/R4/Communication/${id}`);
      expect(read.body.status).toBe('completed');
      expect(Number((read.body.meta as { versionId: string }).versionId)).toBeGreaterThan(1);
      expect(read.headers.get('etag')).toBe(`W/"${(read.body.meta as { versionId: string }).versionId}"`);
    });

    test('an appointment update with a stale If-Match is 412 and changes nothing; with the current one it replaces', async () => {
      const body = appointmentResource(hospital(), citizen(), slot);
      const created = await putAppointment(server.baseUrl, token, body);
      const path = `/fhir/R4/Appointment?${query(body.identifier[0]!)}`;
      const moved = await fhirRequest(server.baseUrl, token, 'PUT', path, { ...body, description: 'Flyttet' }, { 'if-match': 'W/"1"' });
      expect(moved.status).toBe(200);
      expect(moved.headers.get('location')).toBe(`/fhir/R4/Appointment/${created.body.id}/_history/2`);
      const stale = await fhirRequest(server.baseUrl, token, 'PUT', path, { ...body, status: 'cancelled' }, { 'if-match': 'W/"1"' });
      expect(stale.status).toBe(412);
      expect(stale.body.resourceType).toBe('OperationOutcome');
      const read = await getFhir(server.baseUrl, token, `/fhir/R4/Appointment/${created.body.id}`);
      expect(read.body).toMatchObject({ status: 'booked', description: 'Flyttet', meta: { versionId: '2' } });

      const fresh = appointmentResource(hospital(), citizen(), slot);
      const missing = await fhirRequest(server.baseUrl, token, 'PUT', `/fhir/R4/Appointment?${query(fresh.identifier[0]!)}`, fresh, { 'if-match': 'W/"1"' });
      expect(missing.status).toBe(412);
      expect((await getFhir(server.baseUrl, token, `/fhir/R4/Appointment?${query(fresh.identifier[0]!)}`)).body.total).toBe(0);
    });

    test('an enrolment update with a stale If-Match is 412', async () => {
      const municipalToken = await server.tokenFor(drammen.clientId);
      const enrol = demoEpisodeOfCare(drammen.clientId, 'helsestasjon', marit.nationalId, 'active');
      enrol.body.identifier = [{ system: 'urn:test:epj', value: `eoc-${Date.now()}` }];
      const created = await putEpisodeOfCare(server.baseUrl, municipalToken, query(enrol.body.identifier[0]!), enrol.body);
      expect(created.headers.get('etag')).toBe('W/"1"');
      const stale = await putEpisodeOfCare(server.baseUrl, municipalToken, query(enrol.body.identifier[0]!), { ...enrol.body, status: 'finished' }, { 'if-match': 'W/"7"' });
      expect(stale.status).toBe(412);
      const current = await putEpisodeOfCare(server.baseUrl, municipalToken, query(enrol.body.identifier[0]!), { ...enrol.body, status: 'finished' }, { 'if-match': 'W/"1"' });
      expect(current.status).toBe(200);
      expect(current.headers.get('etag')).toBe('W/"2"');
    });
  });

  describe('update by id', () => {
    test('PUT Appointment/<id> replaces it; a body without that id is 400; another organisation\'s id is 404', async () => {
      const body = appointmentResource(hospital(), citizen(), slot);
      const created = await putAppointment(server.baseUrl, token, body);
      const path = `/fhir/R4/Appointment/${created.body.id}`;
      const updated = await fhirRequest(server.baseUrl, token, 'PUT', path, { ...body, id: created.body.id, status: 'cancelled' }, { 'if-match': 'W/"1"' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: created.body.id, status: 'cancelled', meta: { versionId: '2' } });
      expect((await fhirRequest(server.baseUrl, token, 'PUT', path, { ...body, status: 'booked' })).status).toBe(400);
      const otherIdentifier = { ...body, id: created.body.id, identifier: [{ system: 'urn:test:other', value: 'x' }] };
      expect((await fhirRequest(server.baseUrl, token, 'PUT', path, otherIdentifier)).status).toBe(400);
      const gpToken = await server.tokenFor(gp().clientId);
      expect((await fhirRequest(server.baseUrl, gpToken, 'PUT', path, { ...appointmentResource(gp(), citizen(), slot), id: created.body.id })).status).toBe(404);
    });

    test('PUT EpisodeOfCare/<id> replaces it; another organisation\'s id is 404', async () => {
      const municipalToken = await server.tokenFor(drammen.clientId);
      const enrol = demoEpisodeOfCare(drammen.clientId, 'helsestasjon', marit.nationalId, 'active');
      enrol.body.identifier = [{ system: 'urn:test:epj', value: `eoc-id-${Date.now()}` }];
      const created = await putEpisodeOfCare(server.baseUrl, municipalToken, query(enrol.body.identifier[0]!), enrol.body);
      const path = `/fhir/R4/EpisodeOfCare/${created.body.id}`;
      const updated = await fhirRequest(server.baseUrl, municipalToken, 'PUT', path, { ...enrol.body, id: created.body.id, status: 'finished' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ status: 'finished', meta: { versionId: '2' } });
      const lierToken = await server.tokenFor(lier.clientId);
      expect((await fhirRequest(server.baseUrl, lierToken, 'PUT', path, { ...enrol.body, id: created.body.id })).status).toBe(404);
    });
  });

  describe('search', () => {
    test('an unknown parameter is left out of the self link, and with Prefer: handling=strict is 400 naming it', async () => {
      const body = appointmentResource(hospital(), citizen(), slot);
      await putAppointment(server.baseUrl, token, body);
      const path = `/fhir/R4/Appointment?${query(body.identifier[0]!)}&colour=blue`;
      const lenient = await getFhir(server.baseUrl, token, path);
      expect(lenient.status).toBe(200);
      const self = (lenient.body.link as { relation: string; url: string }[]).find((link) => link.relation === 'self')!.url;
      expect(self).toBe(`${server.baseUrl}/fhir/R4/Appointment?${query(body.identifier[0]!)}`);
      const strict = await getFhir(server.baseUrl, token, path, { prefer: 'handling=strict' });
      expect(strict.status).toBe(400);
      expect(strict.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ expression: ['colour'] })] });
    });

    test('a sender finds its own letter by its identifier alone, and another organisation finds nothing', async () => {
      const body = communication(hospital(), syntheticNationalId('1988-02-03', 7));
      const created = await postLetter(server.baseUrl, token, body);
      const path = `/fhir/R4/Communication?${query(body.identifier[0]!)}`;
      const found = await getFhir(server.baseUrl, token, path);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ total: 1, entry: [{ fullUrl: `${server.baseUrl}/fhir/R4/Communication/${created.body.id}`, resource: { id: created.body.id } }] });
      const other = await getFhir(server.baseUrl, await server.tokenFor(gp().clientId), path);
      expect(other.body.total).toBe(0);
    });
  });

  describe('content negotiation', () => {
    test.each([
      { name: '_format=xml', path: '/fhir/R4/metadata?_format=xml', headers: {} as Record<string, string> },
      { name: 'Accept: application/fhir+xml', path: '/fhir/R4/metadata', headers: { accept: 'application/fhir+xml' } },
      { name: 'fhirVersion 3.0 in Accept', path: '/fhir/R4/metadata', headers: { accept: 'application/fhir+json; fhirVersion=3.0' } },
    ])('$name answers 406', async ({ path, headers }) => {
      const response = await getFhir(server.baseUrl, undefined, path, headers);
      expect(response.status).toBe(406);
      expect(response.body.resourceType).toBe('OperationOutcome');
    });

    test('JSON of FHIR 4.0 is served, however it is asked for', async () => {
      for (const [path, accept] of [
        ['/fhir/R4/metadata?_format=json', 'application/fhir+json'],
        ['/fhir/R4/metadata', 'application/fhir+json; fhirVersion=4.0'],
        ['/fhir/R4/metadata', 'application/fhir+xml;q=0.9, application/json;q=0.5'],
        ['/fhir/R4/metadata', '*/*'],
      ] as const) {
        expect((await getFhir(server.baseUrl, undefined, path, { accept })).status, `${path} ${accept}`).toBe(200);
      }
    });
  });

  describe('Prefer: return=minimal', () => {
    const minimal = { prefer: 'return=minimal' };

    test('a created letter answers 201 with its headers and no body', async () => {
      const created = await postLetter(server.baseUrl, token, communication(hospital(), citizen()), minimal);
      expect(created.status).toBe(201);
      expect(created.body).toBeUndefined();
      expect(created.headers.get('location')).toMatch(/^\/fhir\/R4\/Communication\/[0-9a-f-]{36}$/);
      expect(created.headers.get('etag')).toBe('W/"1"');
    });

    test('an appointment created and updated answers with headers only', async () => {
      const body = appointmentResource(hospital(), citizen(), slot);
      const path = `/fhir/R4/Appointment?${query(body.identifier[0]!)}`;
      const created = await fhirRequest(server.baseUrl, token, 'PUT', path, body, minimal);
      expect(created.status).toBe(201);
      expect(created.body).toBeUndefined();
      const updated = await fhirRequest(server.baseUrl, token, 'PUT', path, body, minimal);
      expect(updated.status).toBe(200);
      expect(updated.body).toBeUndefined();
      expect(updated.headers.get('etag')).toBe('W/"2"');
      expect(updated.headers.get('location')).toMatch(/\/_history\/2$/);
    });
  });
});
