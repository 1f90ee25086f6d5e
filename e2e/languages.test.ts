/**
 * The citizen app in each of its four languages, as a citizen walks it: a `?lang=` link
 * to the start page → the test login page → inbox → a letter → Timeavtaler → notice settings. On every
 * page `<html lang>` is the language, no give-away word of another language is among the
 * app's own words (the senders' words, from the API, aside), and axe finds no serious or
 * critical violation. The choice is saved for the citizen, so a second device opens in it.
 * The staff workspace's switch gives the same four, and the staff test login follows it;
 * the identity provider's logout, logged-out and expired pages follow a citizen's choice. The forms app follows the citizen's
 * choice too: a citizen who chose Nynorsk or Northern Sami in the inbox opens a waiting
 * form on another device in it, refero's buttons and the dates included; a `?lang=` on
 * the form's link chooses, as on the inbox's.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { languageLocales, languages, type Language } from '@innboks/contracts';
import { catalogues } from '../apps/citizen-web/src/i18n/languages.ts';
import { catalogues as staffCatalogues } from '../apps/staff-web/src/i18n/languages.ts';
import { hanne } from '../apps/server/src/testing/municipal.ts';
import { testLoginWords } from '../apps/server/src/identity/provider/test-login-words.ts';
import { providerWords } from '../apps/server/src/identity/provider/provider-words.ts';
import { formOrder, postTask, publishQuestionnaire } from '../apps/server/src/testing/forms.ts';
import { format, formMessages, referoResources } from '../apps/forms-web/src/i18n/messages.ts';
import { expectAccessible } from './support/accessibility.ts';
import { staffLogIn, useBrowser } from './support/browser.ts';
import { collectApiStrings, otherLanguagesWords, ownWords } from './support/page-language.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, { autoWorker: true });
const kari = () => server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;

/** A new device: its own cookies, and a browser set to Bokmål, so only the choice can change the language. */
async function newDevice(): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  return context.newPage();
}

/** Through the identity provider's test login page (in the page's language), as Kari, back to the inbox. */
async function logInAsKari(page: Page, language: Language, check?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('link', { name: catalogues[language].start.login, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
  await page.getByRole('heading', { level: 1, name: testLoginWords[language].title }).waitFor();
  await check?.(page);
  await page.getByRole('button', { name: testLoginWords[language].loginAs(kari().name), exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/innboks');
}

/** Another device, no cookie, a Bokmål browser: logging in as Kari opens the pages in her saved `language`. */
async function expectSecondDeviceIn(language: Language): Promise<void> {
  const second = await newDevice();
  try {
    await second.goto(`${server().baseUrl}/`);
    await logInAsKari(second, 'nb');
    await second.getByRole('link', { name: catalogues[language].nav.appointments, exact: true }).waitFor();
    expect(await second.evaluate(() => document.documentElement.lang)).toBe(language);
    await second.getByRole('combobox', { name: catalogues[language].language.label }).waitFor();
  } finally {
    await second.context().close();
  }
}

async function expectInLanguage(page: Page, language: Language, apiStrings: Set<string>, where: string, inApp = true): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang), where).toBe(language);
  const words = await ownWords(page, apiStrings);
  if (inApp) expect(words, `${where}: the footer in ${language}`).toContain(catalogues[language].footer.heading);
  expect(otherLanguagesWords(words, language), `${where} in ${language}`).toEqual([]);
  await expectAccessible(page, `${where} in ${language}`);
}

describe('The citizen app in each language', () => {
  for (const language of languages) {
    const m = catalogues[language];

    test(`${language}: start page, inbox, a letter, Timeavtaler and notice settings speak only ${language}, and a second device follows`, async () => {
      const page = await newDevice();
      const apiStrings = collectApiStrings(page);
      try {
        await page.goto(`${server().baseUrl}/?lang=${language}`);
        await page.getByRole('heading', { level: 1, name: m.start.heading }).waitFor();
        await expectInLanguage(page, language, apiStrings, 'the start page');

        await logInAsKari(page, language, (login) => expectInLanguage(login, language, apiStrings, 'the test login page', false));
        await page.getByRole('heading', { level: 1, name: m.inbox.heading, exact: true }).waitFor();
        await page.getByRole('button', { name: m.header.logout, exact: true }).waitFor();
        await page.getByTestId('inbox-list').waitFor();
        await expectInLanguage(page, language, apiStrings, 'the inbox');

        await page.getByTestId('inbox-list').getByRole('link').first().click();
        await page.getByRole('link', { name: m.letter.back }).waitFor();
        await page.getByRole('list', { name: m.letter.messagesHeading }).waitFor();
        await expectInLanguage(page, language, apiStrings, 'a letter');

        await page.getByRole('link', { name: m.nav.appointments, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: m.appointments.heading }).waitFor();
        await page.getByRole('heading', { level: 2, name: m.appointments.upcomingHeading }).waitFor();
        await expectInLanguage(page, language, apiStrings, 'Timeavtaler');

        await page.getByRole('link', { name: m.noticeSettings.link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: m.noticeSettings.heading }).waitFor();
        await page.getByRole('group', { name: m.noticeSettings.choiceLegend }).waitFor();
        await expectInLanguage(page, language, apiStrings, 'notice settings');
        expect(await page.getByRole('combobox', { name: m.language.label }).inputValue()).toBe(language);
      } finally {
        await page.context().close();
      }

      await expectSecondDeviceIn(language);
    });
  }

  test('a choice made in the header switch is saved, and the next login on another device opens in it', async () => {
    const page = await newDevice();
    try {
      await page.goto(`${server().baseUrl}/?lang=nb`);
      await logInAsKari(page, 'nb');
      await page.getByRole('combobox', { name: catalogues.nb.language.label }).selectOption('se');
      await page.getByRole('heading', { level: 1, name: catalogues.se.inbox.heading, exact: true }).waitFor();
      await expect.poll(() => page.evaluate(async () => ((await (await fetch('/api/language')).json()) as { language: string }).language)).toBe('se');
    } finally {
      await page.context().close();
    }
    await expectSecondDeviceIn('se');
  });
});

test('the staff workspace speaks each language its switch offers', async () => {
  const page = await newDevice();
  const apiStrings = collectApiStrings(page);
  try {
    await staffLogIn(page, server().baseUrl, hanne.name);
    for (const language of languages) {
      const m = staffCatalogues[language];
      await page.getByRole('banner').getByRole('combobox').selectOption(language);
      await page.getByRole('banner').getByRole('combobox', { name: m.language.label }).waitFor();
      await page.getByRole('heading', { name: m.services.heading }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      const words = await ownWords(page, apiStrings);
      expect(words).toContain(m.footer.heading);
      expect(otherLanguagesWords(words, language), `the staff inbox in ${language}`).toEqual([]);
      await expectAccessible(page, `the staff inbox in ${language}`);
    }
  } finally {
    await page.context().close();
  }
});

test('a staff member who chose Sami gets the staff test login in Sami', async () => {
  const page = await newDevice();
  const apiStrings = collectApiStrings(page);
  try {
    await page.goto(`${server().baseUrl}/ansatt/?lang=se`);
    await page.getByRole('link', { name: staffCatalogues.se.start.login, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: providerWords.se.staffLogin.title }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('se');
    const words = await ownWords(page, apiStrings);
    expect(words).toContain(providerWords.se.staffLogin.persons);
    expect(otherLanguagesWords(words, 'se'), 'the staff test login in se').toEqual([]);
    expect(words).not.toMatch(/Testinnlogging|Arbeider i|Logg inn/);
    await expectAccessible(page, 'the staff test login in se');
    await page.getByRole('button', { name: testLoginWords.se.loginAs(hanne.name), exact: true }).click();
    await page.waitForURL(/\/ansatt\/tjenester\//);
    await page.getByRole('heading', { name: staffCatalogues.se.services.heading }).first().waitFor();
  } finally {
    await page.context().close();
  }
});

test('a citizen who chose Nynorsk logs out in Nynorsk, and the identity provider’s own pages speak it too', async () => {
  const page = await newDevice();
  const apiStrings = collectApiStrings(page);
  const nn = providerWords.nn;
  try {
    await page.goto(`${server().baseUrl}/?lang=nn`);
    await logInAsKari(page, 'nn');
    // Saved for Kari: while she is logged in, the saved choice is what the server's pages follow.
    await expect.poll(() => page.evaluate(async () => ((await (await fetch('/api/language')).json()) as { language: string }).language)).toBe('nn');

    // Logging out at the provider without the app's proof asks first, then says it is done.
    await page.goto(`${server().baseUrl}/oidc/session/end`);
    await page.getByRole('heading', { level: 1, name: nn.logout.heading }).waitFor();
    await expectInLanguage(page, 'nn', apiStrings, 'the identity provider’s logout page', false);
    await page.getByRole('button', { name: nn.logout.button, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: nn.loggedOut.title }).waitFor();
    await expectInLanguage(page, 'nn', apiStrings, 'the identity provider’s logged-out page', false);

    await page.goto(`${server().baseUrl}/oidc/interaction/no-such-login`);
    await page.getByRole('heading', { level: 1, name: nn.expired.title }).waitFor();
    await expectInLanguage(page, 'nn', apiStrings, 'the identity provider’s expired page', false);

    // The app's own logout lands on its start page, which says so in Nynorsk.
    await page.goto(`${server().baseUrl}/innboks`);
    await page.getByRole('button', { name: catalogues.nn.header.logout, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 15_000 });
    await page.getByTestId('logged-out').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('logged-out').innerText()).toContain(catalogues.nn.start.loggedOut);
    await expectInLanguage(page, 'nn', apiStrings, 'the start page after logging out');
  } finally {
    await page.context().close();
  }
});

describe('The forms app in the language the citizen chose in the inbox', () => {
  const form = {
    resourceType: 'Questionnaire',
    url: 'https://forms.example.no/e2e/sprak',
    version: '1',
    status: 'active',
    title: 'Språk i skjema',
    item: [
      { linkId: 'feeling', type: 'string', text: 'Hvordan har du det i dag?', required: true },
      { linkId: 'exercise', type: 'boolean', text: 'Trener du jevnlig?' },
    ],
  };
  const survey = () => server().senders.find((sender) => sender.kind === 'survey')!;
  let surveyToken: string;

  beforeAll(async () => {
    if (!chromium.available) return;
    surveyToken = await server().tokenFor(survey().clientId);
    expect((await publishQuestionnaire(server().baseUrl, surveyToken, form)).status).toBe(201);
  });

  /** Orders the form for Kari, the last day to answer 30 June 2027 (it closes at midnight, Oslo time: 1 July). */
  async function orderForKari(): Promise<string> {
    const answer = await postTask(server().baseUrl, surveyToken, formOrder(survey(), kari().nationalId, `${form.url}|1`, { restriction: { period: { end: '2027-06-30' } } }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body!.id;
  }

  /**
   * The form page is in `language`: its own words, refero's buttons and the deadline, and
   * none of another language's give-away words. The deadline is 1 July 2027, 00:00: with the
   * month's name where the browser has the language's calendar words (`julyIn`), else in
   * figures (Chromium has none for Nynorsk and Sami), never in another language's words.
   */
  async function expectFormIn(page: Page, language: Language, apiStrings: Set<string>, julyIn: string): Promise<void> {
    const m = formMessages[language];
    const refero = referoResources[language];
    await page.getByRole('heading', { level: 1, name: form.title }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: refero.formSend, exact: true }).waitFor();
    await page.getByRole('button', { name: refero.formSave, exact: true }).waitFor();
    await page.getByRole('button', { name: refero.formCancel, exact: true }).waitFor();
    await page.getByRole('link', { name: m.backToForms, exact: true }).waitFor();
    const byline = await page.getByText(format(m.from, { name: survey().name }), { exact: false }).innerText();
    expect(byline).toContain(format(m.closesAt, { when: '' }).trim());
    const hasWords = await page.evaluate((locale) => Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0, languageLocales[language]);
    expect(byline).toContain(hasWords ? julyIn : '01.07.2027, 00:00');
    expect(await page.title()).toBe(`${form.title} – ${m.titleSuffix}`);
    await expectInLanguage(page, language, apiStrings, 'the form', false);
  }

  for (const [language, julyIn] of [['nn', 'juli 2027'], ['se', 'suoidnemánnu']] as const) {
    test(`${language}: chosen in the inbox, the form opens in it on another device, whatever that browser remembers`, async () => {
      const taskId = await orderForKari();
      const first = await newDevice();
      try {
        await first.goto(`${server().baseUrl}/?lang=${language}`);
        await logInAsKari(first, language);
        await expect.poll(() => first.evaluate(async () => ((await (await fetch('/api/language')).json()) as { language: string }).language)).toBe(language);
      } finally {
        await first.context().close();
      }

      const second = await newDevice();
      const apiStrings = collectApiStrings(second);
      try {
        await second.goto(`${server().baseUrl}/`);
        await logInAsKari(second, 'nb');
        await second.getByRole('link', { name: catalogues[language].nav.appointments, exact: true }).waitFor();
        // This browser remembers Bokmål: the citizen's saved choice still decides.
        await second.context().addCookies([{ name: 'innboks_lang', value: 'nb', url: server().baseUrl }]);
        await second.goto(`${server().baseUrl}/skjemautfyller/ordered/${taskId}`);
        await expectFormIn(second, language, apiStrings, julyIn);
        await expectAccessible(second, `the form in ${language}`, { strict: language === 'se' });

        await second.getByLabel(/Hvordan har du det i dag\?/).fill('Bra');
        await second.keyboard.press('Tab');
        await second.waitForTimeout(400);
        await second.getByRole('button', { name: referoResources[language].formSave, exact: true }).click();
        await second.getByText(formMessages[language].draftSaved).waitFor();
      } finally {
        await second.context().close();
      }
    });
  }

  test('a ?lang= on the form\'s link chooses the language, and saves it as the inbox does', async () => {
    const taskId = await orderForKari();
    const page = await newDevice();
    const apiStrings = collectApiStrings(page);
    try {
      await page.goto(`${server().baseUrl}/`);
      await logInAsKari(page, 'nb');
      await page.goto(`${server().baseUrl}/skjemautfyller/ordered/${taskId}?lang=en`);
      await expectFormIn(page, 'en', apiStrings, 'July 2027');
      await expect.poll(() => page.evaluate(async () => ((await (await fetch('/api/language')).json()) as { language: string }).language)).toBe('en');
    } finally {
      await page.context().close();
    }
  });
});
