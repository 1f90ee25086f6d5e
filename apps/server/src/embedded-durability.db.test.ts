/**
 * The embedded mode keeps every letter it answered 201 for through a kill -9:
 * PGlite runs with fsync on (see durableStartParams), and this test proves it on a
 * real server process.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { JWK } from 'jose';
import { freePort } from './testing/test-server.ts';
import { fetchSenderAccessToken } from './identity/sender-token/testing.ts';
import { sendLetters, startServerProcess, waitUntilUp, type ServerProcess } from './testing/server-process.ts';
import { demoCitizens, demoSenders } from './demo/demo-data.ts';

function startServer(dataDir: string, port: number): ServerProcess {
  return startServerProcess({ PORT: String(port), INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('Embedded database durability', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  test('every letter answered 201 is still there after the server is killed with SIGKILL, and a second start keeps the demo keys', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-durability-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const sender = demoSenders[0]!;
    const citizen = demoCitizens[0]!.nationalId;

    const first = startServer(dataDir, port);
    cleanup.push(async () => void first.child.kill('SIGKILL'));
    await waitUntilUp(baseUrl, first);
    const keyFile = path.join(dataDir, 'dev', 'senders', `${sender.clientId}.jwk.json`);
    const privateKey = JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
    const token = await fetchSenderAccessToken(baseUrl, sender.clientId, privateKey);

    // Four senders in parallel; the kill lands while requests are in flight.
    const load = sendLetters(baseUrl, token, sender, citizen);
    await load.untilAcknowledged(40);
    const killed = killHard(first.child);
    await load.stop();
    await killed;
    const acknowledged = load.acknowledged;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = startServer(dataDir, port);
    cleanup.push(async () => void second.child.kill('SIGKILL'));
    await waitUntilUp(baseUrl, second);
    expect(JSON.parse(await readFile(keyFile, 'utf8'))).toEqual(privateKey);
    const demo = JSON.parse(await readFile(path.join(dataDir, 'dev', 'demo.json'), 'utf8')) as { citizens: unknown[]; senders: unknown[] };
    expect(demo.citizens.length).toBe(demoCitizens.length);

    const newToken = await fetchSenderAccessToken(baseUrl, sender.clientId, privateKey);
    const missing: string[] = [];
    for (const id of acknowledged) {
      const response = await fetch(`${baseUrl}/fhir/R4/Communication/${id}`, { headers: { authorization: `Bearer ${newToken}` } });
      if (response.status !== 200) missing.push(id);
    }
    expect(missing).toEqual([]);
    await killHard(second.child);
  }, 240_000);
});
