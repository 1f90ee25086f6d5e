/**
 * A real server process (`apps/server/src/main.ts`) for tests that stop or kill it,
 * and the load they put on it: senders posting letters side by side until told to
 * stop, keeping the ids answered 201.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postLetter, communication } from './letters.ts';
import type { DemoSender } from '../demo/demo-data.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote, for the message of a failed expectation. */
  output(): string;
}

export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    // No operator's port: tests run side by side, and a fixed port would be taken.
    env: { ...process.env, HOST: '127.0.0.1', NODE_ENV: 'development', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function waitUntilUp(baseUrl: string, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

export interface LetterLoad {
  /** Ids of the letters answered 201, in order. */
  acknowledged: string[];
  /** Resolves once `count` letters have been acknowledged. */
  untilAcknowledged(count: number): Promise<void>;
  /** Stops sending and waits for the senders to end. */
  stop(): Promise<void>;
}

/** `parallel` senders posting letters until stopped or until the server's port closes. */
export function sendLetters(baseUrl: string, token: string, sender: DemoSender, nationalId: string, parallel = 4): LetterLoad {
  const acknowledged: string[] = [];
  let stopped = false;
  const sendUntilStopped = async () => {
    while (!stopped) {
      try {
        const response = await postLetter(baseUrl, token, communication(sender, nationalId));
        if (response.status === 201) acknowledged.push(response.body!.id as string);
      } catch {
        return; // the connection dropped: the server stopped or was killed
      }
    }
  };
  const senders = Array.from({ length: parallel }, () => sendUntilStopped());
  return {
    acknowledged,
    async untilAcknowledged(count) {
      while (acknowledged.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async stop() {
      stopped = true;
      await Promise.all(senders);
    },
  };
}
