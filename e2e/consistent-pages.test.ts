/**
 * The pages below the inbox share one frame and the design system's form components
 * (issue 19): "Skriv til kommunen" with the design system's radio buttons, a way back and
 * a character counter; notice settings aligned like the other pages, with an arrowed
 * back link, the phone number grouped and a reason with a way to the contact register
 * for an option that cannot be chosen; the help desk's hours in the page's language.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { lars } from '../apps/server/src/testing/municipal.ts';
import { logIn, useBrowser, useTab } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const page = useTab(chromium, { locale: 'nb-NO', viewport: { width: 1280, height: 900 } });

/** The back link leads to the inbox and carries the arrow icon. */
async function expectBackLink(tab: Page) {
  const back = tab.getByRole('link', { name: 'Tilbake til innboksen' });
  expect(await back.getAttribute('href')).toBe('/innboks');
  expect(await back.locator('svg').count()).toBe(1);
}

/** The h1 starts where the inbox's does: the same column, not centred. */
async function headingLeft(tab: Page): Promise<number> {
  return (await tab.getByRole('heading', { level: 1 }).boundingBox())!.x;
}

test('"Skriv til kommunen": the design system radio buttons, a back link and a character counter', async () => {
  await logIn(page(), server().baseUrl, { name: lars.name });
  const inboxLeft = await headingLeft(page());
  await page().getByRole('link', { name: 'Skriv til kommunen' }).click();
  await page().getByRole('heading', { level: 1, name: 'Ny melding til helse- og omsorgstjenesten' }).waitFor();
  await expectBackLink(page());
  expect(await headingLeft(page())).toBe(inboxLeft);
  // The design system draws its own radio button; the browser's default one is not shown.
  const radio = page().getByRole('radio', { name: /Hjemmesykepleie/ });
  expect(await radio.evaluate((element) => element.className)).toMatch(/radio-button/);
  await page().getByLabel('Melding', { exact: true }).fill('Hei');
  await page().getByText(/4\s?997 tegn igjen|3\s?\/\s?5\s?000/).first().waitFor();
});

test('notice settings: in the page column, arrowed back link, grouped phone number, a reason and a way to the register for e-mail', async () => {
  await page().goto(`${server().baseUrl}/innboks`);
  const inboxLeft = await headingLeft(page());
  await page().goto(`${server().baseUrl}/innstillinger/varsling`);
  await page().getByRole('heading', { level: 1, name: 'Varsling om nye meldinger' }).waitFor();
  await expectBackLink(page());
  expect(await headingLeft(page())).toBe(inboxLeft);
  await page().getByText('+47 990 00 007', { exact: true }).waitFor();
  expect(await page().getByRole('radio', { name: 'E-post', exact: true }).isDisabled()).toBe(true);
  const why = page().getByTestId('notice-missing-contact');
  expect(await why.innerText()).toContain('har registrert en e-postadresse');
  expect(await why.getByRole('link', { name: /Kontakt- og reservasjonsregisteret/ }).getAttribute('href')).toMatch(/^https:\/\//);
});

test('the help desk’s name and hours are in the language of the page', async () => {
  await page().goto(`${server().baseUrl}/innboks`);
  const helpdesk = page().getByTestId('helpdesk');
  await expect.poll(() => helpdesk.innerText()).toContain('Ring Veiledning Helsenorge på 23 32 70 00. Åpent hverdager 08:00–15:30.');
  await page().getByRole('combobox', { name: 'Språk' }).selectOption('nn');
  await expect.poll(() => helpdesk.innerText()).toContain('Ring Rettleiing Helsenorge på 23 32 70 00. Ope kvardagar 08:00–15:30.');
  await page().getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect.poll(() => helpdesk.innerText()).toContain('Call the Helsenorge help desk on 23 32 70 00. Open weekdays 08:00–15:30.');
  expect(await helpdesk.innerText()).not.toMatch(/hverdager|Veiledning/);
  await page().getByRole('combobox', { name: 'Language' }).selectOption('nb');
});
