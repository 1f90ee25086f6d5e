/**
 * The staff workspace as a new nurse met it (issue 19): closing a conversation asks
 * first, says so at the top, takes the answer form away, and the citizen sees that the
 * conversation is closed and can start a new one. Counts read as Norwegian ("1 ubesvart"),
 * a message just come is not "0 min" in alarm red, the logout button keeps its rounded
 * corners on the dark banner, and every page has a help footer.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { hanne, lars } from '../apps/server/src/testing/municipal.ts';
import { expectAccessible } from './support/accessibility.ts';
import { logIn, staffLogIn, useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const desktop = { viewport: { width: 1280, height: 900 }, locale: 'nb-NO' };

test('closing a conversation: confirmed, said at the top, no answer form; the citizen is told and can start a new one', async () => {
  const subject = `Spørsmål om medisiner ${randomUUID().slice(0, 6)}`;
  const citizenContext = await chromium.browser.newContext(desktop);
  const staffContext = await chromium.browser.newContext(desktop);
  try {
    const citizen = await citizenContext.newPage();
    await logIn(citizen, server().baseUrl, { name: lars.name });
    await citizen.goto(`${server().baseUrl}/kommunen/ny-melding`);
    await citizen.getByLabel('Emne').fill(subject);
    await citizen.getByLabel('Melding', { exact: true }).fill('Skal jeg ta den nye tabletten om morgenen?');
    await citizen.getByRole('button', { name: 'Send melding' }).click();
    const threadLink = citizen.getByRole('link', { name: 'Gå til samtalen' });
    await threadLink.waitFor({ timeout: 15_000 });
    const threadPath = new URL((await threadLink.getAttribute('href'))!, server().baseUrl).pathname;

    const nurse = await staffContext.newPage();
    await staffLogIn(nurse, server().baseUrl, hanne.name);
    // One unanswered: the singular, by the language's plural rules.
    const count = nurse.locator('[data-testid^="unanswered-"]').first();
    await expect.poll(() => count.innerText()).toBe('1 ubesvart');
    const row = nurse.getByTestId('staff-thread-row').filter({ hasText: subject });
    const waiting = row.getByText(/venter på svar/i);
    expect(await waiting.innerText()).not.toMatch(/\b0 min/);
    const [red, green, blue] = (await waiting.evaluate((element) => getComputedStyle(element).color)).match(/\d+/g)!.map(Number);
    expect(red! - Math.max(green!, blue!), 'the waiting time is not in alarm red').toBeLessThan(60);
    // The logout button on the dark banner: no white square behind rounded corners.
    const logout = nurse.getByRole('button', { name: 'Logg ut' });
    const look = await logout.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, radius: parseFloat(getComputedStyle(element).borderTopLeftRadius) }));
    expect(look.background === 'rgba(0, 0, 0, 0)' || look.radius > 0, JSON.stringify(look)).toBe(true);
    expect(look.background).not.toBe('rgb(255, 255, 255)');
    await nurse.getByRole('contentinfo').getByRole('heading', { name: 'Trenger du hjelp?' }).waitFor();
    await expectAccessible(nurse, 'staff shared inbox');

    await row.getByRole('link', { name: subject }).click();
    await nurse.getByRole('heading', { level: 1, name: subject }).waitFor();
    // First a question, with focus on it; "Avbryt" leaves everything as it was.
    await nurse.getByRole('button', { name: 'Lukk samtalen' }).click();
    const confirm = nurse.getByTestId('confirm-close');
    await confirm.waitFor();
    expect(await nurse.evaluate(() => document.activeElement?.textContent)).toBe('Vil du lukke samtalen?');
    await expectAccessible(nurse, 'staff thread asking to confirm the close');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await nurse.getByText('Åpen', { exact: true }).count()).toBe(1);

    await nurse.getByRole('button', { name: 'Lukk samtalen' }).click();
    await nurse.getByRole('button', { name: 'Ja, lukk samtalen' }).click();
    const said = nurse.getByRole('status').filter({ hasText: 'Samtalen er lukket.' });
    await said.waitFor();
    // Near the top, above the messages, not a line at the bottom.
    const saidBox = await said.boundingBox();
    const firstMessage = await nurse.getByTestId('staff-message').first().boundingBox();
    expect(saidBox!.y).toBeLessThan(firstMessage!.y);
    expect(await nurse.getByLabel('Svar', { exact: true }).count()).toBe(0);
    await nurse.getByTestId('closed-no-answer').waitFor();
    expect(await nurse.getByText('Innbyggeren er lovet svar innen', { exact: false }).count(), 'no answer promised in a closed conversation').toBe(0);
    await nurse.getByRole('button', { name: 'Åpne samtalen igjen' }).waitFor();
    await expectAccessible(nurse, 'staff thread closed');

    await citizen.goto(`${server().baseUrl}${threadPath}`);
    const closed = citizen.getByTestId('municipal-thread-closed');
    await closed.waitFor({ timeout: 15_000 });
    expect(await closed.innerText()).toContain('Samtalen er avsluttet');
    expect(await citizen.getByRole('button', { name: 'Send' }).count()).toBe(0);
    await expectAccessible(citizen, 'citizen thread closed by the service');
    await closed.getByRole('link', { name: 'Skriv en ny melding' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Ny melding til helse- og omsorgstjenesten' }).waitFor();
  } finally {
    await citizenContext.close();
    await staffContext.close();
  }
});
