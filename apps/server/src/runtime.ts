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
import { deliverLetterJob, migrateToLatest, openDatabase, type Database, type DatabaseHandle } from '@innboks/db';
import type { Config } from './config.ts';
import { deliverLetterHandler } from './jobs/deliver-letter.ts';
import type { JobHandler } from './jobs/worker.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const handle = await openDatabase({ url: config.databaseUrl });
    await migrateToLatest(handle.db as Kysely<unknown>);
    return handle;
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  const handle = await openDatabase({ dataDir: pgdata });
  await migrateToLatest(handle.db as Kysely<unknown>);
  return handle;
}

/** The citizen web client's secret: from configuration, or made once and kept under the data dir. */
export async function citizenClientSecret(config: Config): Promise<string> {
  if (config.citizenOidc.clientSecret) return config.citizenOidc.clientSecret;
  if (!config.embeddedIdentityProvider) throw new Error('CITIZEN_OIDC_CLIENT_SECRET is required with an external identity provider.');
  const file = path.join(config.dataDir, 'identity', 'citizen-client-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function jobHandlers(db: Kysely<Database>, clock: Clock): Record<string, JobHandler> {
  return { [deliverLetterJob]: deliverLetterHandler(db, clock) };
}
