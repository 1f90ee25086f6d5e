/**
 * SIGTERM under load, with the server's log pipe gone: the process exits 0 within its
 * grace time, every letter it answered 201 for is stored, no job is left held by it,
 * and when another worker finishes the queue every letter is delivered once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { JWK } from 'jose';
import { openDatabase, type DatabaseHandle } from '@innboks/db';
import { systemClock } from '@innboks/core';
import { freePort } from '../testing/test-server.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { fetchSenderAccessToken } from '../identity/sender-token/testing.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { demoCitizens, demoSenders } from '../demo/demo-data.ts';
import { loadConfig } from '../config.ts';
import { jobHandlers } from '../runtime.ts';
import { startWorker } from '../jobs/worker.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const graceSeconds = 20;

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development', METRICS_PORT: '0', NOTICE_QUIET_HOURS: 'off', SHUTDOWN_GRACE_SECONDS: String(graceSeconds), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, output: { text: string }): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.text}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not start:\n${output.text}`);
}

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
    const child = startServer(env);
    cleanup.push(async () => void child.kill('SIGKILL'));
    const output = { text: '' };
    child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    await waitUntilUp(baseUrl, child, output);

    const sender = demoSenders[0]!;
    const privateKey = JSON.parse(await readFile(path.join(dataDir, 'dev', 'senders', `${sender.clientId}.jwk.json`), 'utf8')) as JWK;
    const token = await fetchSenderAccessToken(baseUrl, sender.clientId, privateKey);
    const acknowledged: string[] = [];
    let stopped = false;
    const sendUntilStopped = async () => {
      while (!stopped) {
        try {
          const response = await postLetter(baseUrl, token, communication(sender, demoCitizens[0]!.nationalId));
          if (response.status === 201) acknowledged.push(response.body!.id as string);
        } catch {
          return; // the server closed its port
        }
      }
    };
    const senders = [sendUntilStopped(), sendUntilStopped(), sendUntilStopped(), sendUntilStopped()];
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));

    // The reader of the server's standard output goes away, as when its parent dies.
    child.stdout!.destroy();
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    stopped = true;
    await Promise.all(senders);
    expect(code, `exit code; the server's standard error:\n${output.text.slice(-4000)}`).toBe(0);
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
