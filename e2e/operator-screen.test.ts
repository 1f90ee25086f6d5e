/**
 * The operator's screen (issue 23): an operator logs in and lands on it, sees the charts
 * each with its table, finds a letter's delivery timeline by the sender's identifier,
 * replays two dead letters with a progress bar, stops a second run after the replay in
 * hand, and finds all of it in the audit log; the page passes axe. A staff member who is not an operator has no link to it, no page
 * and a 404 from its API.
 */
import { expect, test } from 'vitest';
import { demoStaff } from '../apps/server/src/demo/demo-data.ts';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { freshNationalId } from '../apps/server/src/testing/delivery-rig.ts';
import { hanne } from '../apps/server/src/testing/municipal.ts';
import { expectAccessible, expectAccessibleAtEachWidth } from './support/accessibility.ts';
import { staffLogIn, useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const desktop = { viewport: { width: 1280, height: 900 }, locale: 'nb-NO' };
const oda = demoStaff.find((staff) => staff.operator)!;

test('an operator sees the charts and tables, a letter\'s timeline, and replays two dead letters with a progress bar; all of it audited', async () => {
  const hospital = server().senders.find((sender) => sender.kind === 'hospital')!;
  const token = await server().tokenFor(hospital.clientId);
  const kari = server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;
  const letter = communication(hospital, kari.nationalId, { topic: { text: 'Time hos hudlegen' } });
  expect((await postLetter(server().baseUrl, token, letter)).status).toBe(201);
  // Two letters nothing can reach: each plan leaves a dead letter.
  for (const birthDate of ['1958-01-02', '1959-03-04']) expect((await postLetter(server().baseUrl, token, communication(hospital, freshNationalId(birthDate)))).status).toBe(201);
  await server().delivery.store.sampleQueue(server().clock.now());
  const db = server().database.db;
  await expect.poll(async () => (await db.selectFrom('dead_letter').select('id').where('replayed_at', 'is', null).execute()).length, { timeout: 15_000 }).toBe(2);

  const context = await chromium.browser.newContext(desktop);
  try {
    const page = await context.newPage();
    await staffLogIn(page, server().baseUrl, oda.name, /\/ansatt\/drift/);
    await page.getByRole('heading', { level: 1, name: 'Drift' }).waitFor();
    await page.getByRole('navigation', { name: 'Drift' }).getByRole('link', { name: 'Drift' }).waitFor();

    // Each chart is drawn, reachable by keyboard, and followed by its table of the same figures.
    for (const id of ['letters', 'notice-p95', 'queue', 'dead-letters']) await page.getByTestId(`chart-${id}`).waitFor();
    const lettersChart = page.getByTestId('chart-letters').getByRole('application', { name: /Brev per time etter kanal/ });
    await lettersChart.waitFor();
    expect(await lettersChart.getAttribute('tabindex')).toBe('0');
    const lettersTable = page.getByRole('table', { name: 'Tallene: Brev per time etter kanal, siste døgn' });
    expect(await lettersTable.locator('tbody tr').count()).toBe(24);
    expect(await lettersTable.getByRole('columnheader', { name: 'Innboks' }).count()).toBe(1);
    const deadTable = page.getByRole('table', { name: 'Tallene: Døde brev, siste døgn' });
    expect(await deadTable.locator('tbody tr').last().innerText()).toMatch(/\b2\b/);
    await page.getByRole('button', { name: 'Siste 7 dager' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Tallene: Brev per time etter kanal, siste 7 dager' }).locator('tbody tr').count()).toBe(168);
    await expectAccessibleAtEachWidth(page, 'operator page with charts');

    // The letter's timeline by the sender's identifier.
    const { system, value } = letter.identifier[0]!;
    await page.getByLabel('Brev-id eller avsenderens identifikator (system|verdi)').fill(`${system}|${value}`);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const timeline = page.getByTestId('letter-timeline');
    await timeline.waitFor();
    const steps = timeline.getByRole('table', { name: 'Steg for steg' });
    await steps.getByRole('cell', { name: 'Mottatt' }).waitFor();
    await steps.getByRole('cell', { name: 'Kanaler planlagt' }).waitFor();
    expect(await timeline.innerText()).toContain(value);
    expect(await page.locator('body').innerText()).not.toContain('Time hos hudlegen');
    await expectAccessible(page, 'operator page with a letter timeline');

    // Two dead letters replayed one by one, with a progress bar to the end.
    const rows = page.getByTestId('dead-letter');
    expect(await rows.count()).toBe(2);
    const before = await db.selectFrom('dead_letter').select('id').execute();
    await page.getByRole('button', { name: 'Velg alle' }).click();
    await page.getByRole('button', { name: 'Send på nytt (2)' }).click();
    await page.getByRole('progressbar', { name: 'Framdrift for sending på nytt' }).waitFor();
    await page.getByTestId('replay-status').filter({ hasText: '2 av 2 er sendt på nytt.' }).waitFor();
    // Each was queued again and ran again: the plans still find nobody to reach, so each leaves a new dead letter.
    expect(await db.selectFrom('dead_letter').select('id').where('replayed_at', 'is not', null).execute()).toEqual(before);
    await expect.poll(async () => (await db.selectFrom('dead_letter').select('id').where('replayed_at', 'is', null).execute()).length, { timeout: 15_000 }).toBe(2);

    // The audit log, read again after the replay, has each of them.
    const audit = page.getByTestId('operator-audit');
    await audit.getByText('Sendte på nytt').first().waitFor();
    expect(await audit.getByText('Sendte på nytt').count()).toBe(2);
    expect(await audit.getByText('Søkte etter brev').count()).toBe(1);
    expect(await audit.getByText('Så forløpet for et brev').count()).toBe(1);
    await expectAccessible(page, 'operator page after a replay');

    // Stop: the run ends after the replay in hand. Each replay is held a moment on its way
    // to the server (it still reaches it), so there is a moment to press Stop.
    await page.reload();
    await expect.poll(() => page.getByTestId('dead-letter').count(), { timeout: 15_000 }).toBe(2);
    await page.route('**/ansatt/api/operator/dead-letters/*/replay', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Velg alle' }).click();
    await page.getByRole('button', { name: 'Send på nytt (2)' }).click();
    await page.getByRole('button', { name: 'Stopp' }).click();
    await page.getByTestId('replay-status').filter({ hasText: 'Stoppet etter 1 av 2.' }).waitFor();
    const stop = await db.selectFrom('operator_audit').select(['object_ids', 'detail']).where('action', '=', 'stop').executeTakeFirstOrThrow();
    expect(stop.object_ids).toHaveLength(1);
    expect(stop.detail).toMatch(/^stopped after 1;/);
  } finally {
    await context.close();
  }
});

test('a staff member who is not an operator has no link to the operator\'s screen, no page, and 404 from its API', async () => {
  const context = await chromium.browser.newContext(desktop);
  try {
    const page = await context.newPage();
    await staffLogIn(page, server().baseUrl, hanne.name);
    expect(await page.getByRole('link', { name: 'Drift' }).count()).toBe(0);
    await page.goto(`${server().baseUrl}/ansatt/drift`);
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden.' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/ansatt/api/operator/overview', { headers: { accept: 'application/json' } })).status);
    expect(status).toBe(404);
  } finally {
    await context.close();
  }
});
