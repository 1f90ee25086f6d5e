/**
 * A letter that came through the second door, in a real browser: a hospital's record
 * system sends a Dialogmelding (signed and encrypted, over AMQP 1.0 on the real
 * RabbitMQ), gets AppRec status 1, and the citizen finds it in her inbox like any
 * letter — from the department named in MsgHead — and reads it. A question
 * (Foresporsel) she answers under the thread; the answer reaches the hospital's queue
 * and, with the hospital's AppRec, shows as received.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDialogMessage } from '@innboks/dialogmelding';
import { startDialogRig, type DialogRig } from '../apps/server/src/testing/dialog-rig.ts';
import { logIn, useBrowser, useTab, waitForInbox } from './support/browser.ts';
import { expectAccessible } from './support/accessibility.ts';

const chromium = useBrowser();
let rig: DialogRig | undefined;
beforeAll(async () => {
  if (!chromium.available) return;
  rig = await startDialogRig('pglite', { autoWorker: true });
});
afterAll(async () => rig?.close());
const tab = useTab(chromium);

describe('a Dialogmelding letter in the inbox', () => {
  test('a Notat sent over AMQP shows in the citizen’s inbox from the department, and she reads it', async () => {
    const unique = randomUUID().slice(0, 8);
    const message = rig!.message({ body: { kind: 'notat', topic: `Svar på MR-undersøkelse ${unique}`, text: `MR-bildene av kneet ditt viser ingen skade (${unique}).` } });
    await rig!.client.send(writeDialogMessage(message));
    expect((await rig!.appRecFor(message.msgId)).appRec.status).toBe('1');

    const page = tab();
    await logIn(page, rig!.server.baseUrl, { name: rig!.server.citizens[0]!.name });
    await waitForInbox(page);
    const row = page.getByTestId('inbox-item').filter({ has: page.getByRole('link', { name: `Svar på MR-undersøkelse ${unique}`, exact: true }) });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain('Ortopedisk poliklinikk');
    expect(await row.getAttribute('data-unread')).toBe('true');

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Svar på MR-undersøkelse ${unique}` }).waitFor();
    await page.getByText(`MR-bildene av kneet ditt viser ingen skade (${unique}).`, { exact: true }).waitFor();
    await expectAccessible(page, 'a Dialogmelding letter');
  });

  test('she answers a Foresporsel under the thread, the hospital gets it on its queue, and its AppRec shows the answer received', async () => {
    const unique = randomUUID().slice(0, 8);
    const question = rig!.message({ kind: 'foresporsel', body: { kind: 'foresporsel', questionType: { v: '99', dn: 'Annen henvendelse' }, topic: `Etter kneoperasjonen ${unique}`, text: 'Har du fortsatt smerter i kneet?' } });
    await rig!.client.send(writeDialogMessage(question));
    expect((await rig!.appRecFor(question.msgId)).appRec.status).toBe('1');

    // Still logged in from the test before (the file's tests share one tab).
    const page = tab();
    await page.goto(`${rig!.server.baseUrl}/innboks`);
    await waitForInbox(page);
    const row = page.getByTestId('inbox-item').filter({ has: page.getByRole('link', { name: `Etter kneoperasjonen ${unique}`, exact: true }) });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Svar på spørsmålet' }).waitFor();
    await page.getByLabel('Svaret ditt').fill(`Bare litt om morgenen (${unique}).`);
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByText('Svaret ditt er lagret og sendes til avsenderen.').waitFor();
    await page.getByText(`Bare litt om morgenen (${unique}).`, { exact: true }).waitFor();
    await page.getByText('Sendes', { exact: true }).waitFor();

    const [answer] = await rig!.answersTo(question.msgId);
    expect(answer!.message.body.text).toBe(`Bare litt om morgenen (${unique}).`);
    await rig!.client.sendAppRec(answer!.message, '1');
    await expect.poll(async () => {
      await page.reload();
      await page.getByText(`Bare litt om morgenen (${unique}).`, { exact: true }).waitFor();
      return page.getByText('Mottatt av avsenderen', { exact: true }).count();
    }, { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'an answered Dialogmelding question');
  });
});
