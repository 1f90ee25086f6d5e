import { afterAll, beforeAll, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../apps/server/src/testing/test-server.ts';
import { launchBrowser, logIn } from './support/browser.ts';
let server: TestServer; let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); server = await startTestServer('pglite', { autoWorker: true }); });
afterAll(async () => { await browser?.close(); await server?.close(); });
test('debug', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('response', (r) => console.log('RESP', r.status(), r.url()));
  await logIn(page, server.baseUrl, { name: 'Kari Nordmann' });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/e2edebug/inbox.png', fullPage: true });
  console.log(await page.content());
});
