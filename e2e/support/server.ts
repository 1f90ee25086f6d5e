/**
 * The real server (on PGlite) for one e2e test file, beside the browser from `useBrowser()`.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { communication, postLetter } from '../../apps/server/src/testing/letters.ts';
import { startTestServer, type TestServer } from '../../apps/server/src/testing/test-server.ts';
import type { TestBrowser } from './browser.ts';

export type TestServerOptions = NonNullable<Parameters<typeof startTestServer>[1]>;

/**
 * Starts the server before the file's tests and closes it after them. Register it after
 * `useBrowser()` and before hooks that use the server: without a browser every test fails
 * anyway, so the server is then not started at all. Returns the running server.
 */
export function useTestServer(chromium: TestBrowser, options: TestServerOptions): () => TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    if (!chromium.available) return;
    running = await startTestServer('pglite', options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('The test server is not running: it starts in beforeAll, once the browser has');
    return running;
  };
}

/** Sends a letter from the demo hospital to a citizen through the sender API, and expects it taken (201). */
export async function sendHospitalLetter(server: TestServer, nationalId: string, subject: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const sender = server.senders.find((candidate) => candidate.kind === 'hospital')!;
  const response = await postLetter(server.baseUrl, await server.tokenFor(sender.clientId), communication(sender, nationalId, { topic: { text: subject }, ...overrides }));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}
