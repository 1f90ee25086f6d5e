/**
 * What an operator scrapes: the figures move with what the service did, they are on
 * the operator's port and not on the public one (unless a token is configured), and
 * /readyz tells a database that is not migrated from one that is.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '@innboks/db';
import { startTestServer, freePort, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { freshNationalId } from '../testing/delivery-rig.ts';
import { startMetricsServer } from './metrics-endpoints.ts';
import { readiness } from './health.ts';

const metricsToken = 'a-token-for-the-scraper-of-at-least-32-characters';

/** The value of one sample line, e.g. `innboks_letters_accepted_total{sender_kind="hospital",door="fhir"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe.each(testDatabaseKinds())('Metrics and health on %s', (kind) => {
  let server: TestServer;
  let operatorPort: FastifyInstance;
  let operatorUrl: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { metrics: true, env: { NOTICE_QUIET_HOURS: 'off', NOTICE_WINDOW_SECONDS: '0', METRICS_TOKEN: metricsToken } });
    await server.worker.drain(); // the demo letters
    const port = await freePort();
    operatorPort = await startMetricsServer({ port, host: '127.0.0.1', metrics: server.metrics!, db: server.database.db });
    operatorUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await operatorPort?.close();
    await server?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${operatorUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  test('a letter sent and delivered shows in the HTTP latency by route, the letters accepted by sender kind, the notice hand-off and the channel calls', async () => {
    const sender = server.senders.find((candidate) => candidate.kind === 'hospital')!;
    const before = await scrape();
    const token = await server.tokenFor(sender.clientId);
    const posted = await postLetter(server.baseUrl, token, communication(sender, server.citizens[0]!.nationalId));
    expect(posted.status).toBe(201);
    await server.worker.drain();

    const after = await scrape();
    const accepted = (text: string) => sample(text, 'innboks_letters_accepted_total', { sender_kind: 'hospital', door: 'fhir' }) ?? 0;
    expect(accepted(after) - accepted(before)).toBe(1);
    const routeCount = sample(after, 'innboks_http_request_duration_seconds_count', { method: 'POST', route: '/fhir/R4/Communication', status: '201' });
    expect(routeCount).toBeGreaterThanOrEqual(1);
    // Labels are route patterns, never a path with an id in it.
    expect(after).not.toContain(posted.body!.id as string);
    const handedOff = (text: string) => (sample(text, 'innboks_notice_handoff_seconds_count', { channel: 'sms' }) ?? 0) + (sample(text, 'innboks_notice_handoff_seconds_count', { channel: 'email' }) ?? 0);
    expect(handedOff(after)).toBeGreaterThan(handedOff(before));
    const accepts = (text: string) => (sample(text, 'innboks_channel_deliveries_total', { channel: 'sms', outcome: 'accepted' }) ?? 0) + (sample(text, 'innboks_channel_deliveries_total', { channel: 'email', outcome: 'accepted' }) ?? 0);
    expect(accepts(after)).toBeGreaterThan(accepts(before));
    expect(sample(after, 'innboks_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    if (kind === 'postgres') expect(sample(after, 'innboks_db_pool_connections', { state: 'max' })).toBe(8);
  });

  test('a letter for someone no register knows is a dead letter by cause, and the queue depth and oldest due job are read from the database', async () => {
    const sender = server.senders.find((candidate) => candidate.kind === 'hospital')!;
    const token = await server.tokenFor(sender.clientId);
    const deadBefore = sample(await scrape(), 'innboks_dead_letters', { step: 'plan', cause: 'no-channel' }) ?? 0;
    expect((await postLetter(server.baseUrl, token, communication(sender, freshNationalId('1966-06-06')))).status).toBe(201);
    const queued = await scrape();
    expect(sample(queued, 'innboks_queue_jobs', { kind: 'deliver-letter', state: 'queued' })).toBe(1);
    expect(sample(queued, 'innboks_queue_oldest_due_seconds', { kind: 'deliver-letter' })).toBeGreaterThanOrEqual(0);
    await server.worker.drain();
    const drained = await scrape();
    expect(sample(drained, 'innboks_queue_jobs', { kind: 'deliver-letter', state: 'queued' })).toBeUndefined();
    expect(sample(drained, 'innboks_dead_letters', { step: 'plan', cause: 'no-channel' })).toBe(deadBefore + 1);
  });

  test('the public port answers /metrics only to the configured token, and 404 as if absent to anyone else', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(404);
    const withToken = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('innboks_http_request_duration_seconds');
  });

  test('/healthz and /readyz answer on both ports when the database is migrated', async () => {
    for (const base of [server.baseUrl, operatorUrl]) {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, checks: { database: 'ok' } });
    }
  });
});

describe('Readiness of a database', () => {
  let db: Kysely<Database> | undefined;
  afterAll(async () => db?.destroy());

  test('a database without the migrations is not ready and names the first one missing; an unreachable broker is named too', async () => {
    const handle = await openDatabase({});
    db = handle.db;
    const state = await readiness(handle.db, [{ name: 'broker', check: async () => false }]);
    expect(state.ready).toBe(false);
    expect(state.checks.database).toMatch(/^migrations not run: 0001_inbox/);
    expect(state.checks.broker).toBe('unreachable');
  });

  test('a database server that does not answer is unreachable', async () => {
    const port = await freePort();
    const handle = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, poolSize: 1 });
    try {
      expect(await readiness(handle.db)).toEqual({ ready: false, checks: { database: 'unreachable' } });
    } finally {
      await handle.close();
    }
  });
});
