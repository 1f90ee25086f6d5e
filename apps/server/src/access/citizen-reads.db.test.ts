/**
 * Citizens' reads on a real streaming replica of the local PostgreSQL (made by
 * testing/streaming-replica.ts; PostgreSQL only — PGlite has no replicas). With the
 * replica's replay paused it stands still, so what a read shows tells where it was read.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InboxPage, Letter } from '@innboks/contracts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { startStreamingReplica, type StreamingReplica } from '../testing/streaming-replica.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { startConnectionCutter, type ConnectionCutter } from '../testing/connection-cutter.ts';
import { writtenCookie } from './citizen-reads.ts';

describe.runIf(testDatabaseKinds().includes('postgres'))('Citizens read from a streaming replica, and see their own writes at once', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  let replica: StreamingReplica | undefined;
  let cutter: ConnectionCutter | undefined;
  let server: TestServer;
  let kari: CookieJar;
  let ola: CookieJar;
  let senderToken: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;

  /** Citizens' reads counted so far by where they were served and why. */
  async function reads(target: 'replica' | 'primary', reason?: string): Promise<number> {
    const metric = await server.metrics!.registry.getSingleMetric('innboks_db_reads_total')!.get();
    return metric.values.filter((value) => value.labels.target === target && (!reason || value.labels.reason === reason)).reduce((sum, value) => sum + value.value, 0);
  }
  async function gauge(name: string): Promise<number | undefined> {
    return (await server.metrics!.registry.getSingleMetric(name)!.get()).values[0]?.value;
  }
  const inbox = async (jar: CookieJar) => {
    const response = await jar.fetch(`${server.baseUrl}/api/inbox`);
    expect(response.status).toBe(200);
    return (await response.json()) as InboxPage;
  };
  const searchFor = async (jar: CookieJar, q: string) => {
    const response = await jar.fetch(`${server.baseUrl}/api/inbox/search`, { method: 'POST', headers: csrfHeaders(jar), body: JSON.stringify({ q }) });
    expect(response.status).toBe(200);
    return (await response.json()) as InboxPage;
  };
  async function send(nationalId: string, subject: string): Promise<string> {
    const response = await postLetter(server.baseUrl, senderToken, communication(hospital(), nationalId, { topic: { text: subject } }));
    expect(response.status).toBe(201);
    return response.body!.id as string;
  }

  beforeAll(async () => {
    replica = await startStreamingReplica(adminUrl);
    // The server reaches the replica through a relay the tests can cut mid-request.
    const replicaAddress = new URL(replica.urlFor(adminUrl));
    cutter = await startConnectionCutter({ host: replicaAddress.hostname, port: Number(replicaAddress.port) });
    const through = cutter;
    const streaming = replica;
    // A bound far above the test's length: replay is paused for a while on purpose.
    server = await startTestServer('postgres', { metrics: true, replica: { of: { urlFor: (url) => through.through(streaming.urlFor(url)) }, maxLagSeconds: 120 } });
    senderToken = await server.tokenFor(hospital().clientId);
    kari = await loginAsCitizen(server.baseUrl, server.citizens[0]!.nationalId);
    ola = await loginAsCitizen(server.baseUrl, server.citizens[1]!.nationalId);
    await replica.caughtUp(server.database.url!);
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    await cutter?.close();
    await replica?.remove();
  });

  test('a citizen who opens and archives a letter sees it at once, from the primary, while the replica stands still; another citizen reads the replica meanwhile', async () => {
    const kariLetter = await send(server.citizens[0]!.nationalId, 'Innkalling til kontroll');
    await replica!.caughtUp(server.database.url!);
    await replica!.pauseReplay();

    const fromReplica = await reads('replica');
    expect((await inbox(kari)).items.find((item) => item.id === kariLetter)).toMatchObject({ unread: true });
    expect(await reads('replica')).toBe(fromReplica + 1);

    const opened = await kari.fetch(`${server.baseUrl}/api/letters/${kariLetter}`);
    expect(((await opened.json()) as Letter).subject).toBe('Innkalling til kontroll');
    expect(kari.cookies.get(writtenCookie)).toMatch(/^[0-9a-f]+$/);
    const ownWrites = await reads('primary', 'own-write');
    expect((await inbox(kari)).items.find((item) => item.id === kariLetter)).toMatchObject({ unread: false });
    expect(await reads('primary', 'own-write')).toBe(ownWrites + 1);

    const archived = await kari.fetch(`${server.baseUrl}/api/letters/${kariLetter}`, { method: 'PATCH', headers: csrfHeaders(kari), body: JSON.stringify({ archived: true }) });
    expect(archived.status).toBe(200);
    expect((await inbox(kari)).items.map((item) => item.id)).not.toContain(kariLetter);
    expect(await reads('primary', 'own-write')).toBe(ownWrites + 2);

    // Ola has written nothing: his reads are the replica's, which has not applied his new letter.
    const olaLetter = await send(server.citizens[1]!.nationalId, 'Prøvesvar fra blodbanken');
    const olaFromReplica = await reads('replica');
    expect((await inbox(ola)).items.map((item) => item.id)).not.toContain(olaLetter);
    expect((await searchFor(ola, 'blodbanken')).items.map((item) => item.id)).not.toContain(olaLetter);
    expect((await ola.fetch(`${server.baseUrl}/api/appointments`)).status).toBe(200);
    expect(await reads('replica')).toBe(olaFromReplica + 3);

    await replica!.resumeReplay();
    await replica!.caughtUp(server.database.url!);
    // Kari's reads go back to the replica once it has applied her writes (its position is re-read every few ms).
    await expect.poll(async () => {
      const before = await reads('replica');
      const page = await inbox(kari);
      expect(page.items.map((item) => item.id)).not.toContain(kariLetter);
      return (await reads('replica')) - before;
    }).toBe(1);
    expect((await inbox(ola)).items[0]!.id).toBe(olaLetter);
    expect((await searchFor(ola, 'blodbanken')).items.map((item) => item.id)).toContain(olaLetter);
    expect(await gauge('innboks_db_replica_up')).toBe(1);
    expect(await gauge('innboks_db_replica_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  test('a citizen who has just logged in is let in though the replica has not got the session yet', async () => {
    await replica!.pauseReplay();
    try {
      const newcomer = await loginAsCitizen(server.baseUrl, server.citizens[2]!.nationalId);
      const notOnReplica = await reads('primary', 'session-not-on-replica');
      await inbox(newcomer);
      expect(await reads('primary', 'session-not-on-replica')).toBe(notOnReplica + 1);
    } finally {
      await replica!.resumeReplay();
    }
  });

  test('when the replica goes away after the session was read from it, the appointment list still answers, from the primary', async () => {
    await replica!.caughtUp(server.database.url!);
    const failedBefore = await reads('primary', 'replica-failed');
    const cut = cutter!.cutAtStatement(/from "appointment"/);
    const response = await ola.fetch(`${server.baseUrl}/api/appointments`);
    await cut;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ upcoming: expect.any(Array), past: expect.any(Array) });
    expect(await reads('primary', 'replica-failed')).toBe(failedBefore + 1);
  });

  test('with the replica stopped, the inbox and the appointments still answer, from the primary, and the process stays ready', async () => {
    await replica!.stop();
    const fromPrimary = await reads('primary');
    const page = await inbox(ola);
    expect(page.items.length).toBeGreaterThan(0);
    expect((await ola.fetch(`${server.baseUrl}/api/appointments`)).status).toBe(200);
    expect(await reads('primary')).toBe(fromPrimary + 2);
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect(await gauge('innboks_db_replica_up')).toBe(0);
    expect(await gauge('innboks_db_replica_lag_seconds')).toBeNaN();
  });
});
