/**
 * The dev page shows notices that wait: an SMS to a letter that arrives at night is held
 * by the quiet hours (22–08), and /dev/delivery lists it with the time it will go,
 * instead of "Ingenting ennå".
 */
import { describe, expect, test } from 'vitest';
import { osloWallTime } from '@innboks/core';
import { fixedClock } from '../apps/server/src/testing/test-server.ts';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { expectAccessible } from './support/accessibility.ts';
import { useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

describe('Held notices on the dev page', () => {
  const clock = fixedClock(osloWallTime('2026-03-20T23:30'));
  const chromium = useBrowser();
  const server = useTestServer(chromium, { clock });

  test('an SMS held by the quiet hours is listed with the time it goes', async () => {
    const kari = server().citizens.find((citizen) => citizen.name === 'Kari Nordmann')!;
    const hospital = server().senders.find((sender) => sender.kind === 'hospital')!;
    const created = await postLetter(server().baseUrl, await server().tokenFor(hospital.clientId), communication(hospital, kari.nationalId, { topic: { text: 'Brev om natten' } }));
    expect(created.status).toBe(201);
    await server().worker.drain();

    const context = await chromium.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${server().baseUrl}/dev/delivery`);
    const section = page.locator('h2', { hasText: 'Varsler som venter' });
    await section.waitFor();
    const row = page.locator('tr', { hasText: '+4799000001' }).filter({ hasText: 'SMS' }).first();
    expect(await row.textContent()).toContain('21.03.2026, 08:00');
    await expectAccessible(page, 'delivery dev page with held notices', { strict: true });
    await context.close();
  });
});
