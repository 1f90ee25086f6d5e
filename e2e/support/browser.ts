/**
 * Shared browser plumbing for the e2e tests: Debian's Chromium driven by playwright-core,
 * and the citizen's way in through the embedded identity provider's test login page.
 *
 * A missing browser fails the tests with the install instruction; it never skips them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches Debian's Chromium, or throws an Error that says how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${chromiumPath}, and it is not installed. ` +
        'Install it with `apt-get install -y chromium` (as root; run `apt-get update` first on a fresh machine), then run the tests again.',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** The title of the embedded identity provider's test login page (apps/server/src/identity/pages.ts). */
export const testLoginTitle = 'Testinnlogging – ikke ekte ID-porten';

/** Who logs in: a demo person by the button with their name, or by typing a national id. */
export type Citizen = { name: string } | { nationalId: string };

/**
 * From the start page: clicks "Logg inn" and waits for the identity provider's test login
 * page. Leaves the page there.
 */
export async function openTestLogin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
  await page.getByRole('heading', { level: 1, name: testLoginTitle }).waitFor();
}

/** On the test login page: picks the person (button) or types the national id, and waits for the inbox. */
export async function completeTestLogin(page: Page, who: Citizen): Promise<void> {
  if ('name' in who) {
    await page.getByRole('button', { name: `Logg inn som ${who.name}`, exact: true }).click();
  } else {
    await page.getByLabel('Fødselsnummer', { exact: true }).fill(who.nationalId);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname === '/innboks');
  await page.getByRole('heading', { level: 1, name: 'Innboks', exact: true }).waitFor();
}

/** The whole way in, as a citizen clicks it: start page → test login → inbox. */
export async function logIn(page: Page, baseUrl: string, who: Citizen): Promise<void> {
  await openTestLogin(page, baseUrl);
  await completeTestLogin(page, who);
}
