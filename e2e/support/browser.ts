/**
 * Shared browser plumbing for the e2e tests: Debian's Chromium driven by playwright-core,
 * and the citizen's way in through the embedded identity provider's test login page.
 *
 * A missing browser fails the tests with the install instruction; it never skips them.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

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

export interface TestBrowser {
  /** True once Chromium is running; setup that needs it should do nothing when it is false. */
  readonly available: boolean;
  /** The running browser; throws the launch error when there is none. */
  readonly browser: Browser;
}

/**
 * One Chromium for a test file: launched before all tests (register this before any other
 * hook that uses it), closed after. If it cannot be launched, every test of the file FAILS
 * with the reason (for a missing browser: how to install it) — none is skipped, and other
 * setup can see `available === false` and leave out work that needs the browser.
 */
export function useBrowser(): TestBrowser {
  let running: Browser | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      running = await launchBrowser();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (!running) throw failure ?? new Error('Chromium was not launched');
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get available() {
      return running !== undefined;
    },
    get browser() {
      if (!running) throw failure ?? new Error('Chromium was not launched');
      return running;
    },
  };
}

/**
 * One browser tab, in a context of its own, for a test file's tests to share: opened before
 * them once the browser runs, closed after. Register it after `useBrowser()` (and after
 * `useTestServer()` when hooks that use both follow). Returns the open tab.
 */
export function useTab(chromium: TestBrowser, options: BrowserContextOptions = { locale: 'nb-NO' }): () => Page {
  let context: BrowserContext | undefined;
  let tab: Page | undefined;
  beforeAll(async () => {
    if (!chromium.available) return;
    context = await chromium.browser.newContext(options);
    tab = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => {
    if (!tab) throw new Error('The tab is not open: it opens in beforeAll, once the browser has');
    return tab;
  };
}

/** The title of the embedded identity provider's test login page (apps/server/src/identity/provider/pages.ts). */
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

/** On the test login page: picks the person (button) or types the national id, and waits until she is logged in at /innboks. */
export async function completeTestLogin(page: Page, who: Citizen): Promise<void> {
  if ('name' in who) {
    await page.getByRole('button', { name: `Logg inn som ${who.name}`, exact: true }).click();
  } else {
    await page.getByLabel('Fødselsnummer', { exact: true }).fill(who.nationalId);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname === '/innboks');
  await page.getByRole('heading', { level: 1, name: 'Innboks', exact: true }).waitFor();
  // The header knows who is logged in once the session has loaded.
  await page.getByRole('button', { name: 'Logg ut', exact: true }).waitFor();
}

/** What the inbox says when it could not load the list (apps/citizen-web/src/i18n/nb.ts `inbox.loadFailed`). */
const inboxLoadFailed = 'Vi kunne ikke hente meldingene dine. Prøv igjen om litt.';

/**
 * Waits until the inbox page shows its list or says it is empty. When it shows its
 * load error instead, fails at once with that and the server's answer, not with a timeout.
 */
export async function waitForInbox(page: Page, timeout = 15_000): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Innboks', exact: true }).waitFor({ timeout });
  const list = page.getByTestId('inbox-list');
  const empty = page.getByText(/^(Du har ingen (arkiverte )?meldinger her\.|Fant ingen meldinger som passer med «.*»\.)$/);
  const failed = page.getByText(inboxLoadFailed);
  await list.or(empty).or(failed).first().waitFor({ timeout });
  if (await failed.isVisible()) {
    const answer = await page.evaluate(async () => {
      const response = await fetch(`/api/inbox${location.search || '?archived=false'}`, { headers: { accept: 'application/json' } });
      const text = await response.text();
      try {
        const body = JSON.parse(text) as { items?: unknown[]; unread?: unknown };
        return `${response.status} with ${body.items?.length ?? 'no'} items and unread=${JSON.stringify(body.unread)}`;
      } catch {
        return `${response.status} ${text.slice(0, 300)}`;
      }
    });
    throw new Error(
      `The inbox at ${page.url()} shows «${inboxLoadFailed}» instead of the list. GET /api/inbox answers ${answer}; ` +
        'the web app shows this error when the request fails or the answer does not match inboxPageSchema (packages/contracts/src/web-api.ts).',
    );
  }
}

/** The whole way in, as a citizen clicks it: start page → test login → inbox. */
export async function logIn(page: Page, baseUrl: string, who: Citizen): Promise<void> {
  await openTestLogin(page, baseUrl);
  await completeTestLogin(page, who);
}

/**
 * A staff member logs in to the workspace at /ansatt/ through the test login, as a demo
 * staff member; most land in their first service's inbox, an operator on the operator's screen (`landing`).
 */
export async function staffLogIn(page: Page, baseUrl: string, name: string, landing: RegExp = /\/ansatt\/tjenester\//): Promise<void> {
  await page.goto(`${baseUrl}/ansatt/`);
  await page.getByRole('link', { name: 'Logg inn med HelseID' }).click();
  await page.getByRole('heading', { level: 1, name: /ikke ekte HelseID/ }).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  await page.waitForURL(landing);
}
