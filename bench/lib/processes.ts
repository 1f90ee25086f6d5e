/**
 * The server under test runs as a process of its own (so its memory is its own):
 * the server bundle's `main.js` for an API server, `worker-main.js` for a worker,
 * started the way `npm start` starts them, with the environment given. The bundle is
 * built from the source once per bench run, before the first process starts, so it is
 * never older than the code being measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.ts';
import { buildServerBundle, serverBundleDir } from '../../apps/server/build.ts';

export interface ProcessHandle {
  pid: number;
  kind: 'api' | 'worker';
  baseUrl: string | undefined;
  logFile: string;
  /** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
  memory(): Promise<{ rssMb: number; peakMb: number }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  kind: 'api' | 'worker';
  env: Record<string, string>;
  /** Where stdout/stderr go. */
  logFile: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** For an API server: its port (the process listens on 127.0.0.1). */
  port?: number;
  readyTimeoutMs?: number;
}

const entry = { api: path.join(serverBundleDir, 'main.js'), worker: path.join(serverBundleDir, 'worker-main.js') } as const;

/**
 * As `npm start`: a young generation of 8 MB semi-spaces (V8's default is 16) keeps
 * the resident memory of a busy server about 25–50 MB lower, at the cost of more,
 * shorter scavenges; stack traces name the source files.
 */
export const serverNodeFlags = ['--max-semi-space-size=8', '--enable-source-maps'];

let bundleBuilt: Promise<void> | undefined;

export async function startProcess(options: StartOptions): Promise<ProcessHandle> {
  await (bundleBuilt ??= buildServerBundle());
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The benchmarks fetch tokens and log in from one address far faster than any client would.
    RATE_LIMIT_TOKEN_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    // Several servers and workers run at once: none takes the operator's port.
    METRICS_PORT: '0',
    ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, ...(options.nodeFlags ?? []), entry[options.kind]], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  const pid = child.pid!;
  const baseUrl = options.kind === 'api' ? `http://127.0.0.1:${options.port}` : undefined;

  const handle: ProcessHandle = {
    pid,
    kind: options.kind,
    baseUrl,
    logFile: options.logFile,
    memory: () => processMemory(pid),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed && !exited) {
        child.kill('SIGKILL');
        await exit;
      }
      log.end();
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  if (options.kind === 'api') {
    for (;;) {
      if (exited) throw new Error(`API server exited during start; see ${options.logFile}`);
      try {
        const response = await fetch(`${baseUrl}/healthz`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await handle.stop();
        throw new Error(`API server not ready in time; see ${options.logFile}`);
      }
      await sleep(50);
    }
  } else {
    // A worker is ready once it says so.
    for (;;) {
      if (exited) throw new Error(`worker exited during start; see ${options.logFile}`);
      const text = await readFile(options.logFile, 'utf8').catch(() => '');
      if (text.includes(`worker ${pid} running`)) break;
      if (Date.now() > deadline) {
        await handle.stop();
        throw new Error(`worker not ready in time; see ${options.logFile}`);
      }
      await sleep(100);
    }
  }
  return handle;
}

export async function processMemory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

export function logPath(dir: string, name: string): string {
  return path.join(dir, `${name}.log`);
}
