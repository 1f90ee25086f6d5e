/**
 * A letter that came through the second door, in a real browser: a hospital's record
 * system sends a Dialogmelding (signed and encrypted, over AMQP 1.0 on the real
 * RabbitMQ), gets AppRec status 1, and the citizen finds it in her inbox like any
 * letter — from the department named in MsgHead — and reads it.
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
});
