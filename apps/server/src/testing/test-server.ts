/**
 * A whole Innboks server for tests: the real app on a real port (the embedded
 * identity provider needs to reach itself over HTTP), demo data seeded into a
 * temporary data dir, and helpers to act as a demo sender.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import { fixedClock, systemClock, type Clock } from '@innboks/core';
import { loadConfig, type Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { seedDemoData } from '../demo/seed.ts';
import { demoCitizens, demoSenders, type DemoSender } from '../demo/demo-data.ts';
import { accessLogKey, jobHandlers, openReadReplica } from '../runtime.ts';
import type { ReadReplica } from '@innboks/db';
import { createDeliveryRuntime, type DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { startWorker, type Worker } from '../jobs/worker.ts';
import { fetchSenderAccessToken } from '../identity/sender-token/testing.ts';
import { createMetrics, type Metrics } from '../metrics/metrics.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './test-database.ts';

export interface TestServer {
  baseUrl: string;
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  clock: Clock;
  worker: Worker;
  /** Delivery as the worker runs it: the store, the adapters (stand-ins or the configured URLs), the rules. */
  delivery: DeliveryRuntime;
  dataDir: string;
  /** Citizens' reads on a streaming replica, when started with `replica` (PostgreSQL only). */
  readReplica: ReadReplica | undefined;
  /** The server's metrics, when started with `metrics: true`. */
  metrics: Metrics | undefined;
  /** The key this server seals the access log with (under its data dir). */
  accessLogKey: string;
  senders: DemoSender[];
  citizens: typeof demoCitizens;
  privateKeyOf(clientId: string): Promise<JWK>;
  tokenFor(clientId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  kind: TestDatabaseKind,
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    autoWorker?: boolean;
    metrics?: boolean;
    embeddedOnDisk?: boolean;
    onRoute?: (route: { method: string | string[]; url: string }) => void;
    /** A streaming replica of the test server's PostgreSQL (streaming-replica.ts) for citizens' reads, read while at most this far behind. */
    replica?: { of: { urlFor(primaryUrl: string): string }; maxLagSeconds: number };
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-test-'));
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    INNBOKS_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = options.clock ?? systemClock;
  // On disk (under the data dir's pgdata/, where the CLIs look) when a test hands the embedded database to another process.
  const database = await createTestDatabase(kind, kind === 'pglite' && options.embeddedOnDisk ? { dataDir: path.join(dataDir, 'pgdata') } : {});
  await seedDemoData({ db: database.db, dataDir, baseUrl: config.publicUrl, clock });
  if (options.replica && !database.url) throw new Error('a read replica needs the test server on PostgreSQL');
  const readReplica = options.replica && database.url ? await openReadReplica({ url: options.replica.of.urlFor(database.url), maxLagSeconds: options.replica.maxLagSeconds }, database, 4) : undefined;
  const metrics = options.metrics ? createMetrics({ db: database.db, clock, readReplica, ...(database.poolUse ? { poolUse: database.poolUse } : {}) }) : undefined;
  const delivery = createDeliveryRuntime(database.db, clock, config, undefined, metrics);
  const worker = startWorker({ db: database.db, clock, handlers: jobHandlers(database.db, clock, config, delivery), pollIntervalMs: 100 }, { autoStart: options.autoWorker ?? false });
  const sealingKey = await accessLogKey(config);
  const app = await buildApp({
    config,
    db: database.db,
    readReplica,
    clock,
    citizenClientSecret: 'test-citizen-client-secret',
    accessLogKey: sealingKey,
    ...(metrics ? { metrics } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
    onLetterSaved: () => {
      if (options.autoWorker) worker.wake();
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const privateKeyOf = async (clientId: string) =>
    JSON.parse(await readFile(path.join(dataDir, 'dev', 'senders', `${clientId}.jwk.json`), 'utf8')) as JWK;
  return {
    baseUrl: config.publicUrl,
    app,
    database,
    config,
    clock,
    worker,
    delivery,
    dataDir,
    readReplica,
    metrics,
    accessLogKey: sealingKey,
    senders: demoSenders,
    citizens: demoCitizens,
    privateKeyOf,
    tokenFor: async (clientId) => fetchSenderAccessToken(config.publicUrl, clientId, await privateKeyOf(clientId)),
    close: async () => {
      await app.close();
      await worker.stop();
      delivery.adapters.close();
      await readReplica?.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { fixedClock };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
