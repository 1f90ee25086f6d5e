/**
 * Delivery as a newcomer sees it in a browser, on the embedded stand-ins: a letter to
 * the citizen without a portal user becomes a digital-mailbox receipt on the dev page,
 * one to the paper citizen becomes a print-ready PDF whose first page shows the
 * address; and a citizen picks how to be notified.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '@innboks/channels/testing';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { expectAccessible } from './support/accessibility.ts';
import { useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

describe('Delivery in the browser', () => {
  // The browser first, then the server: without Chromium every test fails with the install instruction.
  const chromium = useBrowser();
  const server = useTestServer(chromium, { autoWorker: true });
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-e2e-delivery-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const waitForDelivery = async (token: string, id: string) => {
    for (let tries = 0; tries < 100; tries++) {
      await server().worker.drain();
      const response = await fetch(`${server().baseUrl}/fhir/R4/Communication/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const letter = (await response.json()) as { status: string; extension: { url: string; extension?: { extension?: { url: string; valueCode?: string; valueString?: string }[] }[] }[] };
      if (letter.status === 'completed') {
        const parts = letter.extension.find((extension) => extension.url === 'urn:innboks:extension:delivery')!.extension!.map((attempt) => attempt.extension!);
        return parts.map((part) => Object.fromEntries(part.map((entry) => [entry.url, entry.valueCode ?? entry.valueString])));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`letter ${id} was not delivered`);
  };

  test('a letter to the citizen without a portal user shows up as a digital-mailbox receipt; one to the paper citizen as a PDF with the address on page 1', async () => {
    const hospital = server().senders.find((sender) => sender.kind === 'hospital')!;
    const per = server().citizens.find((citizen) => citizen.name === 'Per Digitalsen')!;
    const anne = server().citizens.find((citizen) => citizen.name === 'Anne Papirsen')!;
    const token = await server().tokenFor(hospital.clientId);
    const toPer = await postLetter(server().baseUrl, token, communication(hospital, per.nationalId, { topic: { text: 'Brev til digital postkasse' } }));
    const toAnne = await postLetter(server().baseUrl, token, communication(hospital, anne.nationalId, { topic: { text: 'Brev på papir' } }));
    const perTimeline = await waitForDelivery(token, toPer.body!.id as string);
    const receipt = perTimeline.find((event) => event.channel === 'digital-mailbox' && event.state === 'delivered')!.detail!.replace('receipt ', '');
    const anneTimeline = await waitForDelivery(token, toAnne.body!.id as string);
    expect(anneTimeline.find((event) => event.channel === 'paper' && event.state === 'delivered')).toBeTruthy();

    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${server().baseUrl}/dev/delivery`);
    await expect.poll(() => page.title()).toBe('Levering – utviklerside');
    const mailboxRow = page.locator('tr', { hasText: receipt });
    expect(await mailboxRow.textContent()).toContain('per.digitalsen#1234');
    expect(await mailboxRow.textContent()).toContain('Brev til digital postkasse');

    const printRow = page.locator('tr', { hasText: 'Anne Papirsen' }).first();
    const href = await printRow.locator('a').getAttribute('href');
    const pdf = await page.request.get(`${server().baseUrl}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'anne.pdf');
    await writeFile(file, await pdf.body());
    const window = pdfText(file, { region: { left: 20, top: 45, width: 85, height: 45 } });
    expect(window).toContain('Anne Papirsen');
    expect(window).toContain('Sjøgata 3');
    expect(window).toContain('9008 Tromsø');
    expect(pdfText(file)).toContain('Brev på papir');

    await expectAccessible(page, 'delivery dev page /dev/delivery', { strict: true });
    await context.close();
  });

  test('a citizen opens the notice settings, sees the register’s mobile number, and saves SMS', async () => {
    const kari = server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;
    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${server().baseUrl}/auth/login?returnTo=${encodeURIComponent('/innstillinger/varsling')}`);
    await page.locator(`form:has(input[name="nationalId"][value="${kari.nationalId}"]) button`).click();
    await page.waitForURL(/\/innstillinger\/varsling$/);
    await page.getByRole('heading', { name: 'Varsling om nye meldinger' }).waitFor();
    expect(await page.locator('dl').textContent()).toContain('+47 990 00 001');
    expect(await page.getByLabel('E-post', { exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('SMS', { exact: true }).check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret. Du får varsel på SMS.' }).waitFor();
    await expectAccessible(page, 'notice settings page /innstillinger/varsling', { strict: true });
    await context.close();
  });
});
