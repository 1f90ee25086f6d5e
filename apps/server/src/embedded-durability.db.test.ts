/**
 * The embedded mode keeps every letter it answered 201 for through a kill -9:
 * PGlite runs with fsync on (see durableStartParams), and this test proves it on a
 * real server process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { JWK } from 'jose';
import { freePort } from './testing/test-server.ts';
import { fetchSenderAccessToken } from './identity/sender-token/testing.ts';
import { communication, postLetter } from './testing/letters.ts';
import { demoCitizens, demoSenders } from './demo/demo-data.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function startServer(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitUntilUp(baseUrl: string, child: ChildProcess): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not start:\n${output}`);
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
    cleanup.push(async () => void first.kill('SIGKILL'));
    await waitUntilUp(baseUrl, first);
    const keyFile = path.join(dataDir, 'dev', 'senders', `${sender.clientId}.jwk.json`);
    const privateKey = JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
    const token = await fetchSenderAccessToken(baseUrl, sender.clientId, privateKey);

    // Four senders in parallel; the kill lands while requests are in flight.
    const acknowledged: string[] = [];
    let killed = false;
    const sendUntilKilled = async () => {
      while (!killed) {
        try {
          const response = await postLetter(baseUrl, token, communication(sender, citizen));
          if (response.status === 201) acknowledged.push(response.body!.id as string);
        } catch {
          return; // connection dropped by the kill
        }
      }
    };
    const senders = [sendUntilKilled(), sendUntilKilled(), sendUntilKilled(), sendUntilKilled()];
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    await killHard(first);
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = startServer(dataDir, port);
    cleanup.push(async () => void second.kill('SIGKILL'));
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
    await killHard(second);
  }, 240_000);
});
