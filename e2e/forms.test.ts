/**
 * Forms in a real browser against the real server: a health survey orders a form for
 * Kari, who finds it under Skjema, fills it in with refero in the forms app, saves a
 * draft, resumes it on another device, submits it once and finds the receipt with its
 * PDF under Kvitteringer; an expired form says why it cannot be sent; the research
 * reservation is a checkbox in the settings. axe on every new page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { pdfText } from '@innboks/channels/testing';
import { getFhir } from '../apps/server/src/testing/fhir-client.ts';
import { formOrder, postTask, publishQuestionnaire } from '../apps/server/src/testing/forms.ts';
import { expectAccessibleAtEachWidth } from './support/accessibility.ts';
import { logIn, useBrowser, waitForInbox } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });

const form = {
  resourceType: 'Questionnaire',
  url: 'https://forms.example.no/e2e/hverdag',
  version: '1',
  status: 'active',
  title: 'Hverdagen din',
  item: [
    { linkId: 'feeling', type: 'string', text: 'Hvordan har du det i dag?', required: true },
    { linkId: 'exercise', type: 'boolean', text: 'Trener du jevnlig?' },
  ],
};

describe('forms in the browser', () => {
  const contexts: BrowserContext[] = [];
  let surveyToken: string;
  const kari = () => server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;
  const survey = () => server().senders.find((sender) => sender.kind === 'survey')!;
  const newPage = async (): Promise<Page> => {
    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    contexts.push(context);
    return context.newPage();
  };
  const order = async (overrides: Record<string, unknown> = {}) => {
    const answer = await postTask(server().baseUrl, surveyToken, formOrder(survey(), kari().nationalId, `${form.url}|1`, overrides));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body!.id;
  };

  beforeAll(async () => {
    if (!chromium.available) return;
    surveyToken = await server().tokenFor(survey().clientId);
    expect((await publishQuestionnaire(server().baseUrl, surveyToken, form)).status).toBe(201);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  test('Kari fills in an ordered survey, saves a draft, resumes it on another device, submits it and gets a receipt with a PDF', async () => {
    const taskId = await order();
    const phone = await newPage();
    await logIn(phone, server().baseUrl, { name: kari().name });
    await phone.getByRole('link', { name: 'Skjema', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Skjema' }).waitFor();
    const waiting = phone.getByTestId('forms-waiting');
    await waiting.getByRole('link', { name: 'Hverdagen din' }).first().waitFor();
    await expectAccessibleAtEachWidth(phone, 'Skjema');

    await phone.goto(`${server().baseUrl}/skjemautfyller/ordered/${taskId}`);
    await phone.getByRole('heading', { level: 1, name: 'Hverdagen din' }).waitFor({ timeout: 20_000 });
    await phone.getByLabel(/Hvordan har du det i dag\?/).fill('Bra, takk – æøå');
    // refero takes a typed answer into its form state when the field is left, 250 ms later (its own debounce), as a person moves on before saving.
    await phone.keyboard.press('Tab');
    await phone.waitForTimeout(400);
    await expectAccessibleAtEachWidth(phone, 'the form');
    await phone.getByRole('button', { name: 'Lagre utkast' }).click();
    await phone.getByText('Utkastet er lagret.', { exact: false }).waitFor();
    expect((await getFhir(server().baseUrl, surveyToken, `/fhir/R4/Task/${taskId}`)).body).toMatchObject({ status: 'in-progress' });

    const laptop = await newPage();
    await logIn(laptop, server().baseUrl, { name: kari().name });
    await laptop.goto(`${server().baseUrl}/skjemautfyller/ordered/${taskId}`);
    const feeling = laptop.getByLabel(/Hvordan har du det i dag\?/);
    await expect.poll(() => feeling.inputValue(), { timeout: 20_000 }).toBe('Bra, takk – æøå');
    await laptop.getByRole('button', { name: 'Send inn' }).click();
    await laptop.getByText('Skjemaet er sendt inn.', { exact: false }).waitFor();
    expect((await getFhir(server().baseUrl, surveyToken, `/fhir/R4/Task/${taskId}`)).body).toMatchObject({ status: 'completed' });

    // The other device cannot send it again: the form says it is sent.
    await phone.reload();
    await phone.getByText('Du har allerede sendt inn dette skjemaet.').waitFor({ timeout: 20_000 });

    // The receipt, with its PDF of the questions and answers.
    await laptop.goto(`${server().baseUrl}/innboks?kategori=receipts`);
    await waitForInbox(laptop);
    const receipt = laptop.getByRole('link', { name: 'Kvittering: Hverdagen din' });
    await expect.poll(async () => { await laptop.reload(); await waitForInbox(laptop); return receipt.count(); }, { timeout: 20_000 }).toBeGreaterThan(0);
    await receipt.first().click();
    await laptop.getByRole('heading', { level: 1, name: 'Kvittering: Hverdagen din' }).waitFor();
    await expectAccessibleAtEachWidth(laptop, 'the receipt');
    const href = await laptop.getByTestId('attachment-link').first().getAttribute('href');
    const pdf = await laptop.request.get(new URL(href!, server().baseUrl).href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'receipt-e2e-'));
    try {
      await writeFile(path.join(dir, 'receipt.pdf'), await pdf.body());
      const text = pdfText(path.join(dir, 'receipt.pdf'));
      expect(text).toContain('Hvordan har du det i dag?');
      expect(text).toContain('Bra, takk');
      expect(text).toContain('Sendt til: Folkehelseundersøkelsen');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a form past its deadline says it can no longer be sent', async () => {
    const taskId = await order({ restriction: { period: { end: '2020-01-01' } } });
    const page = await newPage();
    await logIn(page, server().baseUrl, { name: kari().name });
    await expect.poll(async () => ((await getFhir(server().baseUrl, surveyToken, `/fhir/R4/Task/${taskId}`)).body as unknown as { status: string }).status, { timeout: 20_000 }).toBe('failed');
    await page.goto(`${server().baseUrl}/skjemautfyller/ordered/${taskId}`);
    await page.getByText('Fristen for dette skjemaet har gått ut', { exact: false }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Send inn' }).count()).toBe(0);
    await expectAccessibleAtEachWidth(page, 'an expired form');
  });

  test('the research reservation is a checkbox in the settings, and saving it says so', async () => {
    const page = await newPage();
    await logIn(page, server().baseUrl, { name: 'Ola Hansen' });
    await page.getByRole('link', { name: 'Forskning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Reservasjon mot forskning' }).waitFor();
    await expectAccessibleAtEachWidth(page, 'research reservation');
    await page.getByText(/Jeg vil ikke bli kontaktet om forskning/).click();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Lagret. Du er reservert mot forskning.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Reservasjon mot forskning' }).waitFor();
    await expect.poll(() => page.getByLabel(/forskning/).isChecked()).toBe(true);
  });
});
