/**
 * Acting for others in a real browser, as the demo people: Kari is the parent of Emma
 * (8) and Jonas (14). She switches to each child and sees what each rule allows, the
 * banner (a live region) and the page title name the child, she answers an appointment
 * for Emma, and gives and ends a power of attorney; Jonas's own login sees his item
 * hidden from parents but not the parent-only one. Hilde sees her daughter Nora, whose
 * address is confidential, as unavailable, told nothing about why. axe on every new page.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessibleAtEachWidth } from './support/accessibility.ts';
import { logIn, useBrowser, useTab, waitForInbox } from './support/browser.ts';
import { sendHospitalLetter, useTestServer } from './support/server.ts';
import { youngPersonLetterFields, youngPersonLetters } from '../apps/server/src/testing/young-person-letters.ts';
import { demoCitizen } from '../apps/server/src/demo/demo-data.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const page = useTab(chromium);

beforeAll(async () => {
  if (!chromium.available) return;
  for (const letter of youngPersonLetters) await sendHospitalLetter(server(), demoCitizen('Jonas Ungdom').nationalId, letter.subject, youngPersonLetterFields(letter));
});

const inboxSubjects = async (tab: Page) => {
  await waitForInbox(tab);
  return tab.getByTestId('inbox-list').innerText();
};

async function switchTo(tab: Page, choice: string) {
  await tab.getByRole('banner').getByRole('link', { name: 'Bytt person' }).first().click();
  await tab.getByRole('heading', { level: 1, name: 'Hvem vil du bruke Innboks for?' }).waitFor();
  await tab.getByRole('button', { name: choice }).click();
  await tab.waitForURL((url) => url.pathname === '/innboks');
}

test('a parent switches to an 8-year-old and sees the child\'s letters but not the one hidden from parents; the banner and title name the child', async () => {
  await logIn(page(), server().baseUrl, { name: 'Kari Nordmann' });
  await page().getByTestId('choose-person-prompt').waitFor();
  await switchTo(page(), 'Emma Nordmann (forelder)');
  const banner = page().getByRole('status').filter({ hasText: 'Du handler nå på vegne av Emma Nordmann (forelder).' });
  await banner.waitFor();
  const subjects = await inboxSubjects(page());
  expect(subjects).toContain('Time for vaksinasjon');
  expect(subjects).not.toContain('Samtale med helsesykepleier');
  expect(await page().title()).toBe('på vegne av Emma Nordmann – Innboks');
  await expectAccessibleAtEachWidth(page(), 'inbox acting for a child');
});

test('switched to a 14-year-old, the parent sees only what the sender opened to parents', async () => {
  await switchTo(page(), 'Jonas Ungdom (forelder)');
  await page().getByRole('status').filter({ hasText: 'på vegne av Jonas Ungdom' }).waitFor();
  const subjects = await inboxSubjects(page());
  expect(subjects).toContain('Svar på blodprøve');
  expect(subjects).toContain('Egenandel for foreldre');
  expect(subjects).not.toContain('Samtale på helsestasjon for ungdom');
});

test('the chooser names each person in full and has no accessibility violations', async () => {
  await page().getByRole('banner').getByRole('link', { name: 'Bytt person' }).first().click();
  await page().getByRole('button', { name: 'Deg selv (Kari Nordmann)' }).waitFor();
  await expectAccessibleAtEachWidth(page(), 'chooser /bytt-person');
});

test('the parent answers an appointment for the child', async () => {
  await page().getByRole('button', { name: 'Emma Nordmann (forelder)' }).click();
  await page().waitForURL((url) => url.pathname === '/innboks');
  await page().getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Timeavtaler' }).click();
  const row = page().getByTestId('appointment-row').filter({ hasText: 'Kontroll hos barnelege' });
  await row.waitFor();
  await row.getByRole('link').click();
  await page().getByRole('heading', { name: 'Kontakt sykehuset om timen' }).waitFor();
  await page().locator('label', { hasText: 'Bekrefte timen' }).click();
  await page().getByRole('button', { name: 'Send beskjed' }).click();
  await page().getByTestId('dialogue-sent').waitFor();
  await page().getByRole('status').filter({ hasText: 'på vegne av Emma Nordmann' }).waitFor();
});

test('back as herself, the parent gives a power of attorney and ends it', async () => {
  await switchTo(page(), 'Deg selv (Kari Nordmann)');
  expect(await page().getByText('Du handler nå på vegne av').count()).toBe(0);
  await page().getByRole('banner').getByRole('link', { name: 'Fullmakter' }).click();
  await page().getByRole('heading', { level: 2, name: 'Gi fullmakt' }).waitFor();
  await page().getByLabel('Fødselsnummeret til den du gir fullmakt (11 siffer)').fill(demoCitizen('Ola Hansen').nationalId);
  await page().getByLabel('Gjelder til og med (valgfritt, ÅÅÅÅ-MM-DD)').fill('2027-06-30');
  await page().getByRole('button', { name: 'Gi fullmakt' }).click();
  await page().getByText('Fullmakten er gitt.').waitFor();
  const given = page().getByTestId('powers-given');
  expect(await given.innerText()).toContain('Ola Hansen');
  await expectAccessibleAtEachWidth(page(), 'powers of attorney /innstillinger/fullmakter');
  await page().getByRole('button', { name: 'Avslutt fullmakten til Ola Hansen' }).click();
  await page().getByText('Fullmakten er avsluttet.').waitFor();
  expect(await given.innerText()).toContain('avsluttet');
});

test('the 14-year-old\'s own login sees the item hidden from parents, not the parent-only one', async () => {
  await page().context().clearCookies();
  await logIn(page(), server().baseUrl, { name: 'Jonas Ungdom' });
  const subjects = await inboxSubjects(page());
  expect(subjects).toContain('Samtale på helsestasjon for ungdom');
  expect(subjects).not.toContain('Egenandel for foreldre');
});

test('a parent whose child has a confidential address sees the child as unavailable, in words that say nothing about anyone\'s address', async () => {
  await page().context().clearCookies();
  await logIn(page(), server().baseUrl, { name: 'Hilde Lunde' });
  await page().goto(`${server().baseUrl}/bytt-person`);
  await page().getByRole('heading', { level: 1, name: 'Hvem vil du bruke Innboks for?' }).waitFor();
  const nora = page().getByRole('listitem').filter({ hasText: 'Nora Lunde' });
  expect(await nora.innerText()).toBe('Nora Lunde: du kan ikke handle på vegne av denne personen i Innboks nå.');
  expect(await page().getByRole('button', { name: /Nora Lunde/ }).count()).toBe(0);
  const shown = (await page().locator('main').innerText()).toLowerCase();
  for (const word of ['adresse', 'fortrolig', 'sperret', 'skjermet', 'hemmelig']) expect(shown).not.toContain(word);
  await expectAccessibleAtEachWidth(page(), 'chooser with a child who cannot be chosen');
});
