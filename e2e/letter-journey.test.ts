/**
 * The citizen's whole journey with one letter, in a real browser against the real server:
 * a hospital sends it through the FHIR API with a real sender token, the citizen logs in
 * through the test identity provider, reads it, opens and downloads the PDF, archives it
 * and finds it again by a stemmed search.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { minimalPdf } from '../apps/server/src/demo/minimal-pdf.ts';
import { completeTestLogin, logIn, openTestLogin, useBrowser, waitForInbox } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

// The browser first, then the server: without Chromium every test fails with the install instruction.
const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });

/** The unread count a category link shows (`total` for "Alle"). */
async function unreadCount(page: Page, key: 'total' | 'hospital'): Promise<number> {
  const text = await page.getByTestId(`unread-count-${key}`).textContent({ timeout: 15_000 });
  return Number(text);
}

/** Sends a hospital letter with a PDF to a citizen through the sender API; returns what the citizen will see. */
async function sendHospitalLetter(nationalId: string) {
  const sender = server().senders.find((candidate) => candidate.kind === 'hospital');
  if (!sender) throw new Error('The demo world has no hospital sender');
  const unique = randomUUID().slice(0, 8);
  const subject = `Innkalling til hjertepoliklinikken ${unique}`;
  const text = `Vi har sett på røntgenbildene dine og vil gjerne snakke med deg (${unique}).`;
  const attachmentTitle = `Innkallingsbrev ${unique}`;
  const body = communication(sender, nationalId, {
    topic: { text: subject },
    payload: [
      { contentString: text },
      {
        contentAttachment: {
          contentType: 'application/pdf',
          title: attachmentTitle,
          data: Buffer.from(minimalPdf(['Innkalling', 'Hjertepoliklinikken', `Referanse ${unique}`])).toString('base64'),
        },
      },
    ],
  });
  const response = await postLetter(server().baseUrl, await server().tokenFor(sender.clientId), body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { subject, text, attachmentTitle, pdfMarker: `(Referanse ${unique})` };
}

describe('the letter journey', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    if (!chromium.available) return;
    context = await chromium.browser.newContext({ locale: 'nb-NO', acceptDownloads: true });
  });

  afterAll(async () => {
    await context?.close();
  });

  test('a hospital letter with a PDF reaches the citizen, who reads, opens the PDF, archives and finds it by search', async () => {
    const kari = server().citizens[0]!;
    const page = await context.newPage();

    // Log in by picking Kari on the identity provider's test page, and note what the inbox says.
    await logIn(page, server().baseUrl, { name: kari.name });
    expect(await page.title()).toContain('Innboks');
    await waitForInbox(page);
    const totalBefore = await unreadCount(page, 'total');
    const hospitalBefore = await unreadCount(page, 'hospital');

    // The hospital sends a letter; the citizen reloads her inbox.
    const letter = await sendHospitalLetter(kari.nationalId);
    await page.reload();
    await waitForInbox(page);

    const firstRow = page.getByTestId('inbox-list').getByTestId('inbox-item').first();
    await expect.poll(() => firstRow.getByRole('link').textContent(), { timeout: 15_000 }).toBe(letter.subject);
    expect(await firstRow.getAttribute('data-unread')).toBe('true');
    expect(await firstRow.textContent()).toContain('Ulest');
    await expect.poll(() => unreadCount(page, 'total')).toBe(totalBefore + 1);
    await expect.poll(() => unreadCount(page, 'hospital')).toBe(hospitalBefore + 1);

    // She opens it: the subject is the heading and the text is there.
    await firstRow.getByRole('link', { name: letter.subject }).click();
    await page.waitForURL((url) => /^\/innboks\/[0-9a-f-]{36}$/.test(url.pathname));
    const letterUrl = page.url();
    await page.getByRole('heading', { level: 1, name: letter.subject }).waitFor();
    await page.getByText(letter.text, { exact: true }).waitFor();

    // Back in the inbox the letter is read and the counts are one lower again.
    await page.getByRole('link', { name: 'Tilbake til innboksen' }).click();
    await page.waitForURL((url) => url.pathname === '/innboks');
    await waitForInbox(page);
    const row = page.getByTestId('inbox-item').filter({ has: page.getByRole('link', { name: letter.subject, exact: true }) });
    await expect.poll(() => row.getAttribute('data-unread'), { timeout: 15_000 }).toBe('false');
    expect(await row.textContent()).not.toContain('Ulest');
    await expect.poll(() => unreadCount(page, 'total')).toBe(totalBefore);
    await expect.poll(() => unreadCount(page, 'hospital')).toBe(hospitalBefore);

    // The PDF opens in a new tab, served inline as a PDF that the browser may not sniff.
    await page.goto(letterUrl);
    await page.getByRole('heading', { level: 1, name: letter.subject }).waitFor();
    const attachmentLink = page.getByTestId('attachment-link');
    expect(await attachmentLink.count()).toBe(1);
    expect(await attachmentLink.textContent()).toContain(letter.attachmentTitle);
    const isAttachment = (response: Response) => new URL(response.url()).pathname.startsWith('/api/attachments/');
    const [newTab, opened] = await Promise.all([
      context.waitForEvent('page'),
      context.waitForEvent('response', { predicate: isAttachment }),
      attachmentLink.click(),
    ]);
    expect(opened.status()).toBe(200);
    const openedHeaders = await opened.allHeaders();
    expect(openedHeaders['content-type']).toBe('application/pdf');
    expect(openedHeaders['x-content-type-options']).toBe('nosniff');
    expect(openedHeaders['content-disposition']).toMatch(/^inline/);
    expect(new URL(opened.url()).searchParams.has('download')).toBe(false);
    // (The tab's body is Chromium's PDF viewer; the bytes behind it are the sender's PDF, fetched with the same cookies.)
    const bytes = await (await context.request.get(opened.url())).body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(letter.pdfMarker);
    await newTab.close();

    // "Last ned" saves the same file: the browser downloads the PDF, which the server sends as an attachment.
    // (Chromium fetches an <a download> in its browser process, out of sight of page events and routes,
    // so the answer's headers are read by asking the same URL again with the browser's cookies.)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Last ned ${letter.attachmentTitle}` }).click(),
    ]);
    const downloadUrl = new URL(download.url());
    expect(downloadUrl.pathname).toBe(new URL(opened.url()).pathname);
    expect(downloadUrl.searchParams.get('download')).toBe('1');
    expect(download.suggestedFilename()).toBe(`${letter.attachmentTitle}.pdf`);
    expect(await download.failure()).toBeNull();
    const saved = await readFile(await download.path());
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.toString('latin1')).toContain(letter.pdfMarker);
    const downloaded = await context.request.get(download.url());
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()['content-type']).toBe('application/pdf');
    expect(downloaded.headers()['x-content-type-options']).toBe('nosniff');
    expect(downloaded.headers()['content-disposition']).toMatch(/^attachment/);

    // She archives it: it leaves the inbox and shows up under "Arkiv".
    await page.getByRole('button', { name: 'Arkiver', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Brevet er flyttet til arkivet.' }).waitFor();
    await page.getByRole('button', { name: 'Flytt til innboks', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tilbake til innboksen' }).click();
    await page.waitForURL((url) => url.pathname === '/innboks' && !url.searchParams.has('archived'));
    await waitForInbox(page);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);

    await page.getByRole('navigation', { name: 'Visning' }).getByRole('link', { name: 'Arkiv', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('archived') === 'true');
    await waitForInbox(page);
    await page.getByRole('heading', { level: 2, name: 'Arkiverte meldinger' }).waitFor();
    await row.waitFor({ timeout: 15_000 });

    // In the archive, a search for another form of a word in the text finds it.
    const searchField = page.getByRole('searchbox', { name: 'Søk i innboksen' });
    await searchField.fill('røntgenbilde');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText('Treff for «røntgenbilde»').waitFor();
    await waitForInbox(page);
    // Still in the archive; the search words stay out of the address.
    expect(new URL(page.url()).searchParams.get('archived')).toBe('true');
    expect(page.url()).not.toContain('røntgenbilde');
    await row.waitFor({ timeout: 15_000 });

    // A word that is in no letter finds nothing, and says so.
    const nonsense = `qwzxplunk${randomUUID().slice(0, 4)}`;
    await page.getByRole('searchbox', { name: 'Søk i innboksen' }).fill(nonsense);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText(`Fant ingen meldinger som passer med «${nonsense}».`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('inbox-item').count()).toBe(0);
    expect(await page.getByTestId('inbox-list').count()).toBe(0);
  });

  test('a citizen can also log in by typing her national id, and a mistyped one is explained', async () => {
    const kari = server().citizens[0]!;
    const fresh = await chromium.browser.newContext({ locale: 'nb-NO' });
    try {
      const page = await fresh.newPage();
      await openTestLogin(page, server().baseUrl);
      expect(await page.title()).toBe('Testinnlogging – ikke ekte ID-porten');

      // Too short: the page says what is wrong, next to the field.
      const field = page.getByLabel('Fødselsnummer', { exact: true });
      await field.fill('1234');
      await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
      await page.getByText('Fødselsnummeret må ha 11 siffer.').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.title()).toMatch(/^Feil: /);

      // The right one: in her inbox, and the header says who is logged in.
      await completeTestLogin(page, { nationalId: kari.nationalId });
      expect(new URL(page.url()).pathname).toBe('/innboks');
      await page.getByText(`Logget inn som ${kari.name}`).waitFor({ state: 'attached' });
      expect(await page.getByRole('banner').textContent()).toContain(kari.name);
    } finally {
      await fresh.close();
    }
  });
});
