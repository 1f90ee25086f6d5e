/**
 * Opening what a process needs: the database (real PostgreSQL by URL, else PGlite
 * under the data dir), migrations, the embedded client secret, and the job handlers.
 * Shared by the server and the worker entry points.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { migrateToLatest, openDatabase, ReadReplica, type Database, type DatabaseHandle } from '@innboks/db';
import type { Config } from './config.ts';
import { startWorker, type JobHandlers, type Worker } from './jobs/worker.ts';
import { deliveryJobHandlers } from './jobs/delivery-jobs.ts';
import { startSweeper } from './jobs/sweeper.ts';
import { createDeliveryRuntime, type DeliveryRuntime } from './delivery/delivery-runtime.ts';
import type { Metrics } from './metrics/metrics.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const handle = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize });
    await migrateToLatest(handle.db as Kysely<unknown>);
    return handle;
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  const handle = await openDatabase({ dataDir: pgdata });
  await migrateToLatest(handle.db as Kysely<unknown>);
  return handle;
}

/**
 * The streaming replica citizens read from (DATABASE_READ_URL), beside a real PostgreSQL
 * primary only. Opened without asking it: a replica that is down at start is only a
 * replica that is down (reads go to the primary, /readyz stays ready, the metrics say so).
 */
export async function openReadReplica(replica: Config['readReplica'], primary: DatabaseHandle, poolSize: number): Promise<ReadReplica | undefined> {
  if (!replica || primary.kind !== 'postgres') return undefined;
  const handle = await openDatabase({ url: replica.url, poolSize, connectTimeoutMs: 1000 });
  return new ReadReplica(handle, { maxLagSeconds: replica.maxLagSeconds });
}

/** The citizen web client's secret: from configuration, or made once and kept under the data dir. */
export async function citizenClientSecret(config: Config): Promise<string> {
  if (config.citizenOidc.clientSecret) return config.citizenOidc.clientSecret;
  if (!config.embeddedIdentityProvider) throw new Error('CITIZEN_OIDC_CLIENT_SECRET is required with an external identity provider.');
  return secretUnderDataDir(config, path.join('identity', 'citizen-client-secret'));
}

/**
 * The key that seals the staff access log: `ACCESS_LOG_KEY` (required in production,
 * config.ts), else one made at first start under the data dir — outside the database,
 * never committed. `verify-access-log` only reads it: a key made for it could not
 * check anything.
 */
export async function accessLogKey(config: Config, mode: 'read-or-make' | 'read' = 'read-or-make'): Promise<string> {
  if (config.accessLogKey) return config.accessLogKey;
  return secretUnderDataDir(config, path.join('secrets', 'access-log-key'), mode);
}

async function secretUnderDataDir(config: Config, relativePath: string, mode: 'read-or-make' | 'read' = 'read-or-make'): Promise<string> {
  const file = path.join(config.dataDir, relativePath);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (mode === 'read') throw new Error(`${file} cannot be read (${(error as Error).message}); set ACCESS_LOG_KEY or run where the server keeps its data dir.`, { cause: error });
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async (raced: NodeJS.ErrnoException) => {
      if (raced.code !== 'EEXIST') throw raced;
    });
    return (await readFile(file, 'utf8')).trim();
  }
}

export function jobHandlers(db: Kysely<Database>, clock: Clock, config: Config, delivery?: DeliveryRuntime): JobHandlers {
  return deliveryJobHandlers(delivery ?? createDeliveryRuntime(db, clock, config));
}

type Log = { error(object: unknown, message: string): void; warn(object: unknown, message: string): void };

/** The job worker and the delivery sweeper, as configured (WORKER_*, SWEEPER_*). */
export function startBackgroundWork(db: Kysely<Database>, clock: Clock, config: Config, log?: Log, metrics?: Metrics): { worker: Worker; delivery: DeliveryRuntime; stop(): Promise<void> } {
  const delivery = createDeliveryRuntime(db, clock, config, undefined, metrics);
  const worker = startWorker({
    db,
    clock,
    handlers: jobHandlers(db, clock, config, delivery),
    leaseMs: config.worker.leaseMs,
    pollIntervalMs: config.worker.pollIntervalMs,
    batchSize: config.worker.batchSize,
    // The embedded database has one connection: one claim at a time there. On
    // PostgreSQL two claims in hand overlap the waits without crowding out the
    // letters' own inserts (BENCHMARKS.md, delivery).
    concurrency: config.worker.concurrency ?? (config.databaseUrl ? 2 : 1),
    ...(log ? { log } : {}),
  });
  const sweeper = startSweeper(delivery, { intervalMs: config.worker.sweepIntervalMs, stuckAfterMs: config.worker.stuckAfterMs, onSwept: () => worker.wake(), ...(log ? { log } : {}) });
  return {
    worker,
    delivery,
    stop: async () => {
      await sweeper.stop();
      await worker.stop();
      delivery.adapters.close();
    },
  };
}
