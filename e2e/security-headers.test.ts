/**
 * The web security a browser relies on: a strict Content-Security-Policy on the pages,
 * no caching of personal data, CSRF protection on state changes, and another citizen's
 * letter indistinguishable from one that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, useBrowser, useTab } from './support/browser.ts';
import { sendHospitalLetter, useTestServer } from './support/server.ts';

// The browser first, then the server and tabs: without Chromium every test fails with the install instruction.
const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
/** Kari's tab: the tests below share her session. */
const kari = useTab(chromium);

/** Sends a letter from a hospital to the citizen; returns its unique subject. */
async function sendLetterTo(nationalId: string): Promise<string> {
  const subject = `Time hos hjertepoliklinikken ${randomUUID().slice(0, 8)}`;
  await sendHospitalLetter(server(), nationalId, subject);
  return subject;
}

/** The inbox row with this subject, as the page's own call to GET /api/inbox sees it. */
async function inboxItemOf(page: Page, subject: string): Promise<{ id: string; unread: boolean }> {
  const inbox = await fetchFromPage(page, '/api/inbox?archived=false&limit=100', { headers: { accept: 'application/json' } });
  expect(inbox.status, inbox.body).toBe(200);
  const items = (JSON.parse(inbox.body) as { items: { id: string; subject: string; unread: boolean }[] }).items;
  const item = items.find((candidate) => candidate.subject === subject);
  if (!item) throw new Error(`«${subject}» is not in the inbox of the citizen logged in at ${page.url()}`);
  return item;
}

/** A fetch made by the page itself: same origin, the browser's cookies. */
interface PageFetch {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  body: string;
}

function fetchFromPage(page: Page, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<PageFetch> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, { ...init, credentials: 'same-origin' });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
        body: await response.text(),
      };
    },
    { path, init },
  );
}

/** The CSRF token the server gave the browser, as the web app reads it (`innboks_csrf`, readable by script). */
function csrfTokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith('innboks_csrf='));
    return decodeURIComponent(pair?.slice('innboks_csrf='.length) ?? '');
  });
}

/** Parses a Content-Security-Policy header into its directives. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('without logging in', () => {
  test('the inbox page carries a Content-Security-Policy that allows only its own scripts and no inline code', async () => {
    const page = await kari().context().newPage();
    try {
      const response = await page.goto(`${server().baseUrl}/innboks`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      const policy = response?.headers()['content-security-policy'];
      expect(policy, 'no Content-Security-Policy header on /innboks').toBeTruthy();
      const csp = directives(policy!);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    } finally {
      await page.close();
    }
  });

  test('asking for the session without a cookie answers 401 as problem+json, never cached', async () => {
    const response = await fetch(`${server().baseUrl}/api/session`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const problem = (await response.json()) as { status?: number; title?: string };
    expect(problem.status).toBe(401);
    expect(problem.title).toBeTruthy();
  });
});

describe('logged in as Kari', () => {
  // Logged in once, on first use; a failure here fails each test that needs it.
  let session: Promise<{ ownLetterId: string; subject: string }> | undefined;
  const loggedIn = () =>
    (session ??= (async () => {
      const subject = await sendLetterTo(server().citizens[0]!.nationalId);
      await logIn(kari(), server().baseUrl, { name: server().citizens[0]!.name });
      return { ownLetterId: (await inboxItemOf(kari(), subject)).id, subject };
    })());

  test('a change to a letter without the X-CSRF-Token header is refused with 403, and goes through with it', async () => {
    const { ownLetterId, subject } = await loggedIn();
    const archive = JSON.stringify({ archived: true });
    const json = { 'content-type': 'application/json', accept: 'application/json' };

    const without = await fetchFromPage(kari(), `/api/letters/${ownLetterId}`, { method: 'PATCH', headers: json, body: archive });
    expect(without.status).toBe(403);
    expect(without.contentType).toMatch(/^application\/problem\+json/);

    const wrong = await fetchFromPage(kari(), `/api/letters/${ownLetterId}`, { method: 'PATCH', headers: { ...json, 'X-CSRF-Token': 'not-the-token' }, body: archive });
    expect(wrong.status).toBe(403);

    // Refused means nothing happened: the letter is still in the inbox, not archived.
    expect(await inboxItemOf(kari(), subject)).toMatchObject({ id: ownLetterId });

    const token = await csrfTokenOf(kari());
    expect(token, 'the browser has no innboks_csrf cookie to send back').not.toBe('');
    const withToken = await fetchFromPage(kari(), `/api/letters/${ownLetterId}`, { method: 'PATCH', headers: { ...json, 'X-CSRF-Token': token }, body: archive });
    expect(withToken.status, withToken.body).toBe(200);
    expect(JSON.parse(withToken.body)).toMatchObject({ id: ownLetterId, archived: true });
    expect(withToken.cacheControl).toContain('no-store');
  });

  test("another citizen's letter answers Kari 404, exactly like a letter that does not exist, and stays unread for its owner", async () => {
    await loggedIn();
    // Ola gets a letter and logs in; his inbox has it, with its id.
    const ola = server().citizens[1]!;
    const olaSubject = await sendLetterTo(ola.nationalId);
    const olaContext = await chromium.browser.newContext({ locale: 'nb-NO' });
    try {
      const olaPage = await olaContext.newPage();
      await logIn(olaPage, server().baseUrl, { name: ola.name });
      const olaLetterId = (await inboxItemOf(olaPage, olaSubject)).id;

      // Kari asks for it by id, and for an id nobody has.
      const nobodys = randomUUID();
      const probe = await fetchFromPage(kari(), `/api/letters/${olaLetterId}`, { headers: { accept: 'application/json' } });
      const missing = await fetchFromPage(kari(), `/api/letters/${nobodys}`, { headers: { accept: 'application/json' } });
      expect(probe.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(probe.contentType).toMatch(/^application\/problem\+json/);
      expect(probe.contentType).toBe(missing.contentType);
      // The same answer word for word, apart from the asked-for path the problem's `instance` repeats.
      expect(probe.body.replaceAll(olaLetterId, '<id>')).toBe(missing.body.replaceAll(nobodys, '<id>'));
      expect(probe.body).not.toContain(olaSubject);
      expect(probe.cacheControl).toContain('no-store');

      // The page at that address says "not found", as for any missing letter.
      await kari().goto(`${server().baseUrl}/innboks/${olaLetterId}`);
      await kari().getByRole('heading', { level: 1, name: 'Fant ikke brevet' }).waitFor();
      expect(await kari().getByText(olaSubject).count()).toBe(0);

      // Kari's probe did not open it: for Ola it is still unread.
      expect((await inboxItemOf(olaPage, olaSubject)).unread).toBe(true);
    } finally {
      await olaContext.close();
    }
  });
});
