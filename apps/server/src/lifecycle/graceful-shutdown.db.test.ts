/**
 * SIGTERM under load, with the server's log pipe gone: the process exits 0 within its
 * grace time, every letter it answered 201 for is stored, no job is left held by it,
 * and when another worker finishes the queue every letter is delivered once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { JWK } from 'jose';
import { openDatabase, type DatabaseHandle } from '@innboks/db';
import { systemClock } from '@innboks/core';
import { freePort } from '../testing/test-server.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { fetchSenderAccessToken } from '../identity/sender-token/testing.ts';
import { sendLetters, startServerProcess, waitUntilUp } from '../testing/server-process.ts';
import { demoCitizens, demoSenders } from '../demo/demo-data.ts';
import { loadConfig } from '../config.ts';
import { jobHandlers } from '../runtime.ts';
import { startWorker } from '../jobs/worker.ts';

const graceSeconds = 20;

describe.each(testDatabaseKinds())('Graceful shutdown on %s', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  test('SIGTERM under load with the log pipe broken: exits 0 in time, keeps every letter it acknowledged, holds no job, and the rest delivers each letter once', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-shutdown-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    let database: TestDatabase | undefined;
    if (kind === 'postgres') {
      database = await createTestDatabase('postgres');
      cleanup.push(() => database!.drop());
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), PUBLIC_URL: baseUrl, INNBOKS_DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '' };
    const server = startServerProcess({ ...env, LOG_LEVEL: 'info', NOTICE_QUIET_HOURS: 'off', SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });
    const child = server.child;
    cleanup.push(async () => void child.kill('SIGKILL'));
    await waitUntilUp(baseUrl, server);

    const sender = demoSenders[0]!;
    const privateKey = JSON.parse(await readFile(path.join(dataDir, 'dev', 'senders', `${sender.clientId}.jwk.json`), 'utf8')) as JWK;
    const token = await fetchSenderAccessToken(baseUrl, sender.clientId, privateKey);
    const load = sendLetters(baseUrl, token, sender, demoCitizens[0]!.nationalId);
    await load.untilAcknowledged(30);

    // The reader of the server's standard output goes away, as when its parent dies.
    child.stdout!.destroy();
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    await load.stop();
    const acknowledged = load.acknowledged;
    expect(code, `exit code; the server's standard error:\n${server.output().slice(-4000)}`).toBe(0);
    expect(at - signalledAt).toBeLessThan(graceSeconds * 1000);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    const handle: DatabaseHandle = database ?? (await openDatabase({ dataDir: path.join(dataDir, 'pgdata') }));
    if (!database) cleanup.push(() => handle.close());
    const db = handle.db;
    const stored = await db.selectFrom('message').select('id').where('id', 'in', acknowledged).execute();
    expect(stored.length).toBe(acknowledged.length);
    // Finished or handed back: nothing is still leased by the process that stopped.
    expect(await db.selectFrom('job').select('id').where('state', '=', 'running').execute()).toEqual([]);

    // Another worker takes what was left.
    const config = loadConfig({ INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NOTICE_QUIET_HOURS: 'off' });
    const worker = startWorker({ db, clock: systemClock, handlers: jobHandlers(db, systemClock, config) }, { autoStart: false });
    await worker.drain();
    await worker.stop();
    const inbox = await db.selectFrom('delivery_attempt').select('message_id').where('message_id', 'in', acknowledged).where('channel', '=', 'inbox').where('state', '=', 'delivered').execute();
    expect(inbox.length).toBe(acknowledged.length);
    // A step run twice would leave its event twice.
    const repeated = await sql<{ message_id: string }>`
      select message_id from delivery_event where message_id = any(${acknowledged}::uuid[])
      group by message_id, channel, state having count(*) > 1`.execute(db);
    expect(repeated.rows).toEqual([]);
  }, 240_000);
});
