/**
 * The way in, in a real browser:
 * - a link to a letter (from a notice or a bookmark) leads, logged out, to the start
 *   page and after login to that letter, not the inbox;
 * - a login below the required security level ends on a page in the app's frame that
 *   explains it, and "Logg inn på nytt" shows the provider's login again;
 * - a logged-out page load and an opened letter ask only for what exists: no 4xx
 *   answer and no console error.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/accessibility.ts';
import { testLoginTitle, useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

describe('Login in the browser', () => {
  // The browser first, then the server: without Chromium every test fails with the install instruction.
  const chromium = useBrowser();
  const server = useTestServer(chromium, {});
  const kari = () => server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;

  /** Kari's letter with this subject, by id, as a notice's link would name it. */
  const letterPath = async (subject: string) => {
    const row = await server()
      .database.db.selectFrom('thread')
      .innerJoin('citizen', 'citizen.id', 'thread.citizen_id')
      .select('thread.id')
      .where('citizen.national_id', '=', kari().nationalId)
      .where('thread.subject', '=', subject)
      .executeTakeFirstOrThrow();
    return `/innboks/${row.id}`;
  };

  /** A fresh browser that records every failed answer and console error. */
  const quietBrowser = async () => {
    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    const noise: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) noise.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') noise.push(`console: ${message.text()}`);
    });
    return { context, page, noise };
  };

  const toTestLogin = async (page: Page) => {
    await page.getByRole('link', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await page.getByRole('heading', { level: 1, name: testLoginTitle }).waitFor();
  };

  test('a link to a letter, logged out: the start page, then after login that letter — with no 401 or 404 on the way', async () => {
    const path = await letterPath('Svar på blodprøver');
    const { context, page, noise } = await quietBrowser();
    await page.goto(`${server().baseUrl}${path}`);
    await page.waitForURL(`${server().baseUrl}/`);
    await page.getByRole('link', { name: 'Logg inn', exact: true }).waitFor();
    expect(noise).toEqual([]);

    await toTestLogin(page);
    await page.getByRole('button', { name: `Logg inn som ${kari().name}`, exact: true }).click();
    await page.waitForURL(`${server().baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Svar på blodprøver' }).waitFor();
    await page.getByRole('button', { name: 'Logg ut', exact: true }).waitFor();
    // Let the letter's panels finish asking.
    await page.waitForLoadState('networkidle');
    expect(noise).toEqual([]);
    await context.close();
  });

  test('too low a security level: a page in the app\'s frame says why, and "Logg inn på nytt" shows the login again and leads to the letter', async () => {
    const path = await letterPath('Svar på blodprøver');
    const { context, page } = await quietBrowser();
    await page.goto(`${server().baseUrl}${path}`);
    await toTestLogin(page);
    await page.getByLabel('Fødselsnummer', { exact: true }).fill(kari().nationalId);
    await page.getByLabel('Sikkerhetsnivå').selectOption('substantial');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();

    await page.waitForURL((url) => url.pathname === '/innlogging/sikkerhetsniva');
    await page.getByRole('heading', { level: 1, name: 'For lavt sikkerhetsnivå' }).waitFor();
    expect(await page.title()).toBe('For lavt sikkerhetsnivå – Innboks');
    await page.getByRole('banner').waitFor();
    await page.getByTestId('helpdesk').waitFor();
    expect(await page.getByTestId('security-level-notice').innerText()).toContain('ikke er sikker nok');
    await expectAccessible(page, 'security level page /innlogging/sikkerhetsniva', { strict: true });

    await page.getByRole('link', { name: 'Logg inn på nytt' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await page.getByRole('heading', { level: 1, name: testLoginTitle }).waitFor();
    await page.getByRole('button', { name: `Logg inn som ${kari().name}`, exact: true }).click();
    await page.waitForURL(`${server().baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Svar på blodprøver' }).waitFor();
    await context.close();
  });
});
