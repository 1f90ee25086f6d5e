/**
 * No health detail where others may see it: in a tab's `<title>` (history, the task
 * bar, a shared screen), in a URL (history, server and proxy logs) or in a notice (a
 * locked phone's screen). Every page of the citizen app is opened with Kari's letters
 * and appointments, and none of their subjects or descriptions may show in those places;
 * then she searches with a health word, which may show in no URL and no history entry.
 */
import { describe, expect, test } from 'vitest';
import { osloWallTime } from '@innboks/core';
import { fixedClock } from '../apps/server/src/testing/test-server.ts';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { logIn, useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

describe('Privacy in the browser', () => {
  // Midday, so the SMS notice is not held by the quiet hours.
  const clock = fixedClock(osloWallTime('2026-03-20T12:00'));
  const chromium = useBrowser();
  const server = useTestServer(chromium, { clock, autoWorker: true });
  const kari = () => server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;

  const karisThings = async () => {
    const db = server().database.db;
    const citizen = await db.selectFrom('citizen').select('id').where('national_id', '=', kari().nationalId).executeTakeFirstOrThrow();
    const threads = await db.selectFrom('thread').select(['id', 'subject']).where('citizen_id', '=', citizen.id).execute();
    const appointments = await db.selectFrom('appointment').select(['id', 'description', 'patient_instruction']).where('citizen_id', '=', citizen.id).execute();
    const words = [...threads.map((thread) => thread.subject), ...appointments.flatMap((appointment) => [appointment.description, appointment.patient_instruction])].filter(
      (text): text is string => Boolean(text && text.length > 3),
    );
    return { threads, appointments, words };
  };

  test('no subject or description in any page title, any URL the browser asks for, or any notice', async () => {
    const hospital = server().senders.find((sender) => sender.kind === 'hospital')!;
    const token = await server().tokenFor(hospital.clientId);
    const created = await postLetter(server().baseUrl, token, communication(hospital, kari().nationalId, { topic: { text: 'Svar på røntgenundersøkelse av kneet' } }));
    expect(created.status).toBe(201);
    const { threads, appointments, words } = await karisThings();
    expect(words).toContain('Telefonkonsultasjon om prøvesvar');

    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    const urls: string[] = [];
    const bodies: string[] = [];
    page.on('request', (request) => {
      urls.push(decodeURIComponent(request.url()));
      bodies.push(request.postData() ?? '');
    });
    await logIn(page, server().baseUrl, { name: kari().name });

    const pages = [
      '/innboks',
      '/innboks?archived=true',
      ...threads.map((thread) => `/innboks/${thread.id}`),
      '/timeavtaler',
      ...appointments.map((appointment) => `/timeavtaler/${appointment.id}`),
      ...['/logg-over-bruk', '/innstillinger/varsling', '/kommunen/ny-melding', '/innlogging/sikkerhetsniva', '/finnes-ikke'],
    ];
    const titles: string[] = [];
    for (const path of pages) {
      await page.goto(`${server().baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      titles.push(`${path}: ${await page.title()}`);
    }
    // A search with a health word, into a letter and back: the words go in a request body and
    // history state only. Going back through the history entries restores each page, the
    // search too, and none of their addresses holds the word.
    const searchWord = 'røntgenundersøkelse';
    const searchShown = () => page.getByText(`Treff for «${searchWord}»`).waitFor();
    await page.goto(`${server().baseUrl}/innboks`);
    await page.getByRole('searchbox', { name: 'Søk i innboksen' }).fill(searchWord);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await searchShown();
    const addresses = [page.url()];
    await page.getByRole('link', { name: 'Svar på røntgenundersøkelse av kneet' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Svar på røntgenundersøkelse av kneet' }).waitFor();
    addresses.push(page.url());
    await page.getByRole('link', { name: 'Tilbake til innboksen' }).click();
    await searchShown();
    addresses.push(page.url());
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Svar på røntgenundersøkelse av kneet' }).waitFor();
    addresses.push(page.url());
    await page.goBack();
    await searchShown();
    expect(await page.getByRole('searchbox', { name: 'Søk i innboksen' }).inputValue()).toBe(searchWord);
    addresses.push(page.url());
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Alle meldinger' }).waitFor();
    addresses.push(page.url());
    await page.waitForLoadState('networkidle');
    const holdsWord = (texts: string[]) => texts.filter((text) => text.toLowerCase().includes(searchWord));
    expect(holdsWord(addresses)).toEqual([]);
    expect(holdsWord(urls)).toEqual([]);
    expect(holdsWord(bodies).length, 'the search went in a request body').toBeGreaterThan(0);

    const leaks = (texts: string[]) => texts.flatMap((text) => words.filter((word) => text.toLowerCase().includes(word.toLowerCase())).map((word) => `«${word}» in ${text}`));
    expect(leaks(titles)).toEqual([]);
    expect(leaks(urls)).toEqual([]);
    // Titles name the kind of page only.
    expect(titles.find((title) => title.startsWith(`/timeavtaler/${appointments[0]!.id}`))).toMatch(/: Time – Innboks$/);

    const outbox = server().delivery.adapters.standIns.outbox!;
    await expect.poll(async () => (await outbox.entries()).filter((entry) => entry.to === '+4799000001').length, { timeout: 15_000 }).toBeGreaterThan(0);
    const notices = (await outbox.entries()).map((entry) => `${entry.subject ?? ''} ${entry.text}`);
    expect(leaks(notices)).toEqual([]);
    await context.close();
  });
});
