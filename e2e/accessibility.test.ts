/**
 * WCAG 2.1 A/AA with axe-core on every page a citizen passes through: the start page,
 * the identity provider's test login page (also with an error shown), the inbox and a
 * letter with an attachment. Serious and critical violations fail; lesser ones are printed.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { minimalPdf } from '../apps/server/src/demo/minimal-pdf.ts';
import { expectAccessible } from './support/accessibility.ts';
import { completeTestLogin, logIn, openTestLogin, useBrowser, useTab, waitForInbox } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

// The browser first, then the server and tabs: without Chromium every test fails with the install instruction.
const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const page = useTab(chromium);
let subject: string;

beforeAll(async () => {
  if (!chromium.available) return;
  const sender = server().senders.find((candidate) => candidate.kind === 'hospital')!;
  subject = `Innkalling til hjertepoliklinikken ${randomUUID().slice(0, 8)}`;
  const body = communication(sender, server().citizens[0]!.nationalId, {
    topic: { text: subject },
    payload: [
      { contentString: 'Vi har sett på røntgenbildene dine og vil gjerne snakke med deg.' },
      { contentString: 'Ta med deg en liste over medisinene du bruker.' },
      {
        contentAttachment: {
          contentType: 'application/pdf',
          title: 'Innkallingsbrev',
          data: Buffer.from(minimalPdf(['Innkalling', 'Hjertepoliklinikken'])).toString('base64'),
        },
      },
    ],
  });
  const response = await postLetter(server().baseUrl, await server().tokenFor(sender.clientId), body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
});

// The tests run in order in one browser tab: start page → login → inbox → letter; the last two log in again if they must.

test('the start page has no serious or critical accessibility violations', async () => {
  await page().goto(`${server().baseUrl}/`);
  await page().getByRole('heading', { level: 1, name: 'Innboks' }).waitFor();
  await page().getByRole('link', { name: 'Logg inn', exact: true }).waitFor();
  await expectAccessible(page(), 'start page /');
});

test("the identity provider's test login page has no serious or critical accessibility violations, also when it shows an error", async () => {
  await openTestLogin(page(), server().baseUrl);
  await expectAccessible(page(), `test login page ${new URL(page().url()).pathname}`);

  await page().getByLabel('Fødselsnummer', { exact: true }).fill('12');
  await page().getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page().getByText('Fødselsnummeret må ha 11 siffer.').waitFor();
  await expectAccessible(page(), 'test login page with an error');

  await completeTestLogin(page(), { name: server().citizens[0]!.name });
});

/** Logs Kari in through the test login unless this tab already has her session. */
async function ensureLoggedIn(): Promise<void> {
  await page().goto(`${server().baseUrl}/`);
  const status = await page().evaluate(async () => (await fetch('/api/session')).status);
  if (status !== 200) await logIn(page(), server().baseUrl, { name: server().citizens[0]!.name });
}

test('the inbox page has no serious or critical accessibility violations', async () => {
  await ensureLoggedIn();
  await page().goto(`${server().baseUrl}/innboks`);
  await waitForInbox(page());
  await page().getByTestId('inbox-list').getByRole('link', { name: subject }).waitFor({ timeout: 15_000 });
  await page().getByTestId('unread-count-total').waitFor();
  await expectAccessible(page(), 'inbox page /innboks');
});

test('a letter page with an attachment has no serious or critical accessibility violations', async () => {
  await ensureLoggedIn();
  // Straight to the letter's address, found through the API, so this page is checked even if the inbox list is not.
  const id = await page().evaluate(async (wanted) => {
    const response = await fetch('/api/inbox?archived=false&limit=100', { headers: { accept: 'application/json' } });
    const inbox = (await response.json()) as { items: { id: string; subject: string }[] };
    return inbox.items.find((item) => item.subject === wanted)?.id;
  }, subject);
  expect(id, `«${subject}» is not in Kari's inbox`).toBeTruthy();
  await page().goto(`${server().baseUrl}/innboks/${id}`);
  await page().getByRole('heading', { level: 1, name: subject }).waitFor();
  await page().getByTestId('attachment-link').waitFor();
  await expectAccessible(page(), `letter page /innboks/${id}`);
});
