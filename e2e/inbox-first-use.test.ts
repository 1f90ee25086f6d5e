/**
 * What a new user tripped over in the inbox (issue 19), on a desktop (1280×900) and a
 * phone (390×844), by keyboard: a message the citizen sent named as from its recipient,
 * no letter on a phone's first screen, a sideways-scrolling access log, "Viktig" and the
 * attachment mark missing from the list, dates that do not tell today's letters apart,
 * focus lost after "Vis flere", and no word after logging out.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { hanne, lars, marit } from '../apps/server/src/testing/municipal.ts';
import { expectAccessibleAtEachWidth } from './support/accessibility.ts';
import { logIn, useBrowser, waitForInbox } from './support/browser.ts';
import { sendHospitalLetter, useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });

const desktop = { viewport: { width: 1280, height: 900 }, locale: 'nb-NO' };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nb-NO' };

async function withPage(options: typeof desktop | typeof phone, use: (page: Page) => Promise<void>): Promise<void> {
  const context = await chromium.browser.newContext(options);
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Lars writes to home nursing through the form, as a citizen does; answers the thread's subject. */
async function writeToHomeNursing(page: Page): Promise<string> {
  const subject = `Endre besøkstid ${randomUUID().slice(0, 6)}`;
  await page.goto(`${server().baseUrl}/kommunen/ny-melding`);
  await page.getByLabel('Emne').fill(subject);
  await page.getByLabel('Melding', { exact: true }).fill('Kan dere komme klokka 10 i stedet for 8?');
  await page.getByRole('button', { name: 'Send melding' }).click();
  await page.getByRole('link', { name: 'Gå til samtalen' }).waitFor({ timeout: 15_000 });
  return subject;
}

const importantSubject = `Viktig svar ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  if (!chromium.available) return;
  await sendHospitalLetter(server(), marit.nationalId, importantSubject, { extension: [{ url: 'urn:innboks:extension:important', valueBoolean: true }] });
  // More than a page (20) for Marit, so the list has "Vis flere".
  for (let index = 0; index < 21; index += 1) await sendHospitalLetter(server(), marit.nationalId, `Brev nummer ${index + 1}`, { payload: [{ contentString: 'Hei.' }] });
});

describe('a message the citizen sent', () => {
  test('is "Til <service>" and "Sendt av deg" in the list and the thread header, not "Fra"', async () => {
    await withPage(desktop, async (page) => {
      await logIn(page, server().baseUrl, { name: lars.name });
      const subject = await writeToHomeNursing(page);
      await page.goto(`${server().baseUrl}/innboks`);
      await waitForInbox(page);
      const row = page.getByTestId('inbox-item').filter({ hasText: subject });
      const rowText = await row.innerText();
      expect(rowText).toMatch(/Til Hjemmesykepleie/);
      expect(rowText).toContain('Sendt av deg');
      expect(await row.textContent()).not.toMatch(/Fra:/);

      await row.getByRole('link', { name: subject }).click();
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      const facts = page.locator('dl').first();
      expect(await facts.locator('dt').first().innerText()).toBe('Til');
      expect(await facts.locator('dd').first().innerText()).toContain('Sendt av deg');
    });
  });
});

describe('the inbox list', () => {
  test('shows "Viktig", a named attachment mark, and today\'s letters with their time', async () => {
    await withPage(desktop, async (page) => {
      await logIn(page, server().baseUrl, { name: marit.name });
      await page.getByRole('button', { name: 'Vis flere' }).waitFor();
      const row = page.getByTestId('inbox-item').filter({ hasText: importantSubject });
      // The letter is at the bottom of the first page or on the next: fetch more until it shows.
      if ((await row.count()) === 0) await page.getByRole('button', { name: 'Vis flere' }).click();
      await row.waitFor();
      expect(await row.innerText()).toContain('Viktig');
      await row.getByRole('img', { name: 'Har vedlegg' }).waitFor();
      expect(await row.locator('time').innerText()).toMatch(/i dag \d{2}:\d{2}$/);
    });
  });

  test('keeps keyboard focus on the first newly loaded letter after "Vis flere"', async () => {
    await withPage(desktop, async (page) => {
      await logIn(page, server().baseUrl, { name: marit.name });
      const more = page.getByRole('button', { name: 'Vis flere' });
      await more.focus();
      await page.keyboard.press('Enter');
      const items = page.getByTestId('inbox-item');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(20);
      const focusedRow = () =>
        page.evaluate(() => [...document.querySelectorAll('[data-testid="inbox-item"]')].findIndex((row) => row.contains(document.activeElement)));
      await expect.poll(focusedRow, { timeout: 10_000 }).toBe(20);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    });
  });

  test('on a phone, the first letter is on the first screen; categories and search open from a button', async () => {
    await withPage(phone, async (page) => {
      await logIn(page, server().baseUrl, { name: marit.name });
      await waitForInbox(page);
      const first = await page.getByTestId('inbox-item').first().boundingBox();
      expect(first, 'the first letter has a box').not.toBeNull();
      expect(first!.y + first!.height, 'the first letter ends within 844 px').toBeLessThanOrEqual(844);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      const categories = page.getByRole('button', { name: /^Kategori: Alle/ });
      expect(await categories.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: /^Sykehus/ }).isVisible()).toBe(false);
      await categories.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: /^Sykehus/ }).waitFor();
      await expectAccessibleAtEachWidth(page, 'inbox with the categories open');

      await page.getByRole('button', { name: 'Søk' }).click();
      await page.getByLabel('Søk i innboksen').fill('nummer');
      await page.keyboard.press('Enter');
      await page.getByText('Treff for «nummer»').waitFor();
      // The search is kept in history state, not the address; after a reload the form is open with it still.
      expect(page.url()).not.toContain('nummer');
      await page.reload();
      await page.getByText('Treff for «nummer»').waitFor();
      expect(await page.getByLabel('Søk i innboksen').inputValue()).toBe('nummer');
    });
  });

  test('after logging out, the start page says "Du er logget ut"', async () => {
    await withPage(desktop, async (page) => {
      await logIn(page, server().baseUrl, { name: marit.name });
      await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
      await page.getByTestId('logged-out').waitFor({ timeout: 15_000 });
      expect(await page.getByRole('status').filter({ hasText: 'Du er logget ut' }).count()).toBe(1);
      // Only once: a reload is an ordinary visit.
      await page.reload();
      await page.getByRole('link', { name: 'Logg inn', exact: true }).waitFor();
      expect(await page.getByTestId('logged-out').count()).toBe(0);
    });
  });
});

describe('Logg over bruk on a phone', () => {
  test('is a list of blocks, with no sideways scrolling', async () => {
    await withPage(desktop, async (page) => {
      await logIn(page, server().baseUrl, { name: lars.name });
      const subject = await writeToHomeNursing(page);
      // A nurse opens it, which writes the read to the log.
      const staff = await chromium.browser.newContext(desktop);
      try {
        const nurse = await staff.newPage();
        await nurse.goto(`${server().baseUrl}/ansatt/`);
        await nurse.getByRole('link', { name: 'Logg inn med HelseID' }).click();
        await nurse.getByRole('button', { name: `Logg inn som ${hanne.name}` }).click();
        await nurse.waitForURL(/\/ansatt\/tjenester\//);
        await nurse.getByRole('link', { name: subject }).click();
        await nurse.getByRole('heading', { level: 1, name: subject }).waitFor();
      } finally {
        await staff.close();
      }
    });
    await withPage(phone, async (page) => {
      await logIn(page, server().baseUrl, { name: lars.name });
      await page.goto(`${server().baseUrl}/logg-over-bruk`);
      // The design system's block rows are laid out by their cells, so wait for the row in the page, not for its own box.
      await page.getByTestId('access-log-entry').first().waitFor({ state: 'attached' });
      await page.getByTestId('access-log-entry').first().locator('time').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const entry = page.getByTestId('access-log-entry').first();
      const text = await entry.innerText();
      expect(text).toContain(hanne.name);
      // The time is on one line, not broken over four.
      const when = await entry.locator('time').boundingBox();
      expect(when!.height).toBeLessThan(40);
      await expectAccessibleAtEachWidth(page, 'access log with a read');
    });
  });
});
