/**
 * WCAG 2.1 A/AA with axe-core on every page, at a desktop's and a phone's width (1280 and
 * 390 px): the start page, the identity provider's test login page (also with an error
 * shown), the inbox, a letter with an attachment, writing to the municipality, the access
 * log, appointments, notice settings, the not-found page, and the staff workspace's start,
 * shared inbox and conversation. Serious and critical violations fail; lesser ones are printed.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { minimalPdf } from '../apps/server/src/demo/minimal-pdf.ts';
import { expectAccessibleAtEachWidth } from './support/accessibility.ts';
import { completeTestLogin, logIn, openTestLogin, useBrowser, useTab, waitForInbox } from './support/browser.ts';
import { useTestServer } from './support/server.ts';
import { hanne, lars } from '../apps/server/src/testing/municipal.ts';

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
  await expectAccessibleAtEachWidth(page(), 'start page /');
});

test("the identity provider's test login page has no serious or critical accessibility violations, also when it shows an error", async () => {
  await openTestLogin(page(), server().baseUrl);
  await expectAccessibleAtEachWidth(page(), `test login page ${new URL(page().url()).pathname}`);

  await page().getByLabel('Fødselsnummer', { exact: true }).fill('12');
  await page().getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page().getByText('Fødselsnummeret må ha 11 siffer.').waitFor();
  await expectAccessibleAtEachWidth(page(), 'test login page with an error');

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
  await expectAccessibleAtEachWidth(page(), 'inbox page /innboks');
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
  await expectAccessibleAtEachWidth(page(), `letter page /innboks/${id}`);
});

/** Opens a page of the citizen app by its address and waits for its heading. */
async function visit(path: string, heading: string | RegExp): Promise<void> {
  await page().goto(`${server().baseUrl}${path}`);
  await page().getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
}

test('the appointments, notice settings, access log and not-found pages have no serious or critical accessibility violations', async () => {
  await ensureLoggedIn();
  await visit('/timeavtaler', 'Timeavtaler');
  await expectAccessibleAtEachWidth(page(), 'appointments /timeavtaler');
  await visit('/innstillinger/varsling', 'Varsling om nye meldinger');
  await page().getByRole('radio').first().waitFor();
  await expectAccessibleAtEachWidth(page(), 'notice settings /innstillinger/varsling');
  await visit('/logg-over-bruk', 'Logg over bruk');
  await expectAccessibleAtEachWidth(page(), 'access log /logg-over-bruk');
  await visit('/finnes-ikke', 'Fant ikke siden');
  await expectAccessibleAtEachWidth(page(), 'not-found page');
});

test("writing to the municipality, the thread and the staff workspace have no serious or critical accessibility violations", async () => {
  const citizen = await chromium.browser.newContext({ locale: 'nb-NO' });
  const staff = await chromium.browser.newContext({ locale: 'nb-NO' });
  try {
    const tab = await citizen.newPage();
    await logIn(tab, server().baseUrl, { name: lars.name });
    await tab.goto(`${server().baseUrl}/kommunen/ny-melding`);
    await tab.getByRole('radio').first().waitFor();
    await expectAccessibleAtEachWidth(tab, 'new message /kommunen/ny-melding');
    await tab.getByLabel('Emne').fill('Tilgjengelighet');
    await tab.getByLabel('Melding', { exact: true }).fill('Hei');
    await tab.getByRole('button', { name: 'Send melding' }).click();
    await tab.getByRole('link', { name: 'Gå til samtalen' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Tilgjengelighet' }).waitFor();
    await tab.getByTestId('municipal-expected').waitFor();
    await expectAccessibleAtEachWidth(tab, 'municipal conversation');

    const nurse = await staff.newPage();
    await nurse.goto(`${server().baseUrl}/ansatt/`);
    await nurse.getByRole('link', { name: 'Logg inn med HelseID' }).waitFor();
    await expectAccessibleAtEachWidth(nurse, 'staff start page /ansatt/');
    await nurse.getByRole('link', { name: 'Logg inn med HelseID' }).click();
    await nurse.getByRole('button', { name: `Logg inn som ${hanne.name}` }).click();
    await nurse.waitForURL(/\/ansatt\/tjenester\//);
    await nurse.getByRole('link', { name: 'Tilgjengelighet' }).waitFor();
    await expectAccessibleAtEachWidth(nurse, 'staff shared inbox');
    await nurse.getByRole('link', { name: 'Tilgjengelighet' }).click();
    await nurse.getByRole('heading', { level: 1, name: 'Tilgjengelighet' }).waitFor();
    await expectAccessibleAtEachWidth(nurse, 'staff conversation');
  } finally {
    await citizen.close();
    await staff.close();
  }
});
