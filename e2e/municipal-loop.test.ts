/**
 * The whole municipal loop in a real browser against the real server: a citizen in a
 * trial municipality writes to home nursing; a home-nursing nurse finds it in the
 * service's shared inbox in the staff workspace and answers; the citizen reads the
 * answer under Kommunen and finds the nurse's read in "Logg over bruk". A
 * physiotherapist of the same municipality cannot find the thread.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fredrik, hanne, lars, serviceId, siri } from '../apps/server/src/testing/municipal.ts';
import { expectAccessible } from './support/accessibility.ts';
import { staffLogIn, useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

/** Retries an assertion until it holds or the time is up (playwright-core has no web-first assertions). */
async function eventually(assertion: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const textOf = async (locator: Locator) => (await locator.count()) === 0 ? '' : (await locator.first().innerText());
const hasText = (locator: Locator, expected: string | RegExp) =>
  eventually(async () => {
    const text = await textOf(locator);
    if (typeof expected === 'string') expect(text).toContain(expected);
    else expect(text).toMatch(expected);
  });
const hasCount = (locator: Locator, count: number) => eventually(async () => expect(await locator.count()).toBe(count));

// The browser first, then the server: without Chromium every test fails with the install instruction.
const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });

async function citizenLogin(page: Page, name: string) {
  await page.goto(server().baseUrl);
  await page.getByRole('link', { name: 'Logg inn' }).first().click();
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  await page.waitForURL(/\/innboks/);
}

describe('municipal messaging, end to end', () => {
  test('citizen writes to home nursing → the nurse answers → the citizen reads it and sees the read in Logg over bruk; physiotherapy cannot find it', async () => {
    const subject = `Endre besøkstid ${Date.now()}`;
    const citizen = await chromium.browser.newContext({ locale: 'nb-NO' });
    const nurse = await chromium.browser.newContext({ locale: 'nb-NO' });
    const physio = await chromium.browser.newContext({ locale: 'nb-NO' });
    try {
      // The citizen writes to home nursing.
      const page = await citizen.newPage();
      await citizenLogin(page, lars.name);
      await page.getByRole('link', { name: 'Skriv til kommunen' }).click();
      await hasText(page.getByRole('heading', { level: 1 }), 'Ny melding til helse- og omsorgstjenesten');
      // Physiotherapy is received but has no digital contact: shown with why, not offered.
      await hasText(page.getByTestId('municipal-cannot-message'), 'Fysioterapi');
      await hasText(page.getByTestId('municipal-cannot-message'), 'ikke åpnet for digital kontakt');
      await hasCount(page.getByRole('radio'), 1);
      expect(await page.getByRole('radio', { name: /Hjemmesykepleie/ }).isChecked()).toBe(true);
      await hasText(page.getByTestId('municipal-expected-before'), 'kan du forvente svar innen');
      await expectAccessible(page, 'new message page /kommunen/ny-melding');
      await page.getByLabel('Emne').fill(subject);
      await page.getByLabel('Melding', { exact: true }).fill('Kan dere komme klokka 10 i stedet for 8 på torsdag?');
      await page.getByRole('button', { name: 'Send melding' }).click();
      await hasText(page.getByTestId('municipal-sent'), 'Meldingen er sendt. Du kan forvente svar innen');
      const threadHref = await page.getByRole('link', { name: 'Gå til samtalen' }).getAttribute('href');
      const threadId = threadHref!.split('/').pop()!;

      // The nurse finds it in the shared inbox of home nursing, opens it and answers.
      const staffPage = await nurse.newPage();
      await staffLogIn(staffPage, server().baseUrl, hanne.name);
      await hasText(staffPage.getByTestId('staff-name'), hanne.name);
      const row = staffPage.getByTestId('staff-thread-row').filter({ hasText: subject });
      await hasText(row, 'Lars Kommunesen');
      await hasText(row, /venter på svar/i);
      await expectAccessible(staffPage, 'staff shared inbox');
      await row.getByRole('link', { name: subject }).click();
      await hasText(staffPage.getByRole('heading', { level: 1 }), subject);
      await hasText(staffPage.getByTestId('staff-message').first(), 'klokka 10');
      await staffPage.getByRole('button', { name: 'Tildel meg' }).click();
      await staffPage.getByRole('button', { name: 'Fjern tildeling' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await staffPage.getByLabel('Svar', { exact: true }).fill('Det går fint. Vi kommer klokka 10 på torsdag.');
      await staffPage.getByRole('button', { name: 'Send svar' }).click();
      await staffPage.getByRole('status').filter({ hasText: 'Svaret er sendt.' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await hasCount(staffPage.getByTestId('staff-message'), 2);
      await expectAccessible(staffPage, 'staff thread with the answer sent');

      // A physiotherapist of the same municipality finds nothing, not even by the thread's address.
      const physioPage = await physio.newPage();
      await staffLogIn(physioPage, server().baseUrl, fredrik.name);
      await hasText(physioPage.getByRole('heading', { level: 1 }), 'Fysioterapi');
      await hasCount(physioPage.getByText(subject), 0);
      const homeNursing = await serviceId(server().database.db, 'drammen-helse-omsorg', 'hjemmesykepleie');
      await physioPage.goto(`${server().baseUrl}/ansatt/tjenester/${homeNursing}/samtaler/${threadId}`);
      await physioPage.getByText('Fant ikke samtalen').first().waitFor({ state: 'visible', timeout: 15_000 });
      await hasCount(physioPage.getByText('klokka 10'), 0);
      await physioPage.goto(`${server().baseUrl}/ansatt/tjenester/${homeNursing}`);
      await hasCount(physioPage.getByText(subject), 0);

      // The citizen finds the answer under Kommunen, unread, and reads it.
      await page.goto(`${server().baseUrl}/innboks?category=municipal`);
      const item = page.getByTestId('inbox-item').filter({ hasText: subject });
      await eventually(async () => expect(await item.first().getAttribute('data-unread')).toBe('true'));
      await item.getByRole('link').first().click();
      await page.getByText('Det går fint. Vi kommer klokka 10 på torsdag.').first().waitFor({ state: 'visible', timeout: 15_000 });

      // And the nurse's read is in Logg over bruk, newest first.
      await page.goto(`${server().baseUrl}/logg-over-bruk`);
      const entry = page.getByTestId('access-log-entry').first();
      await hasText(entry, hanne.name);
      await hasText(entry, 'Hjemmesykepleie');
      await hasText(entry, subject);
      expect(await textOf(page.getByTestId('access-log'))).not.toContain(fredrik.name);
      await expectAccessible(page, 'access log /logg-over-bruk');
    } finally {
      await citizen.close();
      await nurse.close();
      await physio.close();
    }
  });

  test('a citizen outside the trial is not offered "Skriv til kommunen", and the page explains instead of a form', async () => {
    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    try {
      const page = await context.newPage();
      await citizenLogin(page, siri.name);
      // Nothing to do behind it: the inbox does not offer it, while the access log stays.
      await page.getByRole('link', { name: 'Logg over bruk' }).waitFor();
      await hasCount(page.getByRole('link', { name: 'Skriv til kommunen' }), 0);
      await page.goto(`${server().baseUrl}/kommunen/ny-melding`);
      await hasText(page.getByTestId('municipal-not-in-trial'), 'ikke med i utprøvingen');
      await hasCount(page.getByRole('button', { name: 'Send melding' }), 0);
      await expectAccessible(page, 'new message page outside the trial');
    } finally {
      await context.close();
    }
  });
});
