/**
 * Hospital appointments in a real browser:
 * - Helse Sør-Øst: appointment letter → reply button → the hospital finds the reply
 *   by FHIR search → its answer appears in the citizen's thread;
 * - Helse Vest: appointment → Timeavtaler → dialogue → the thread in the inbox, and
 *   the hospital's answer there;
 * - a late reply shows the no-show fee warning with the amount that applies.
 * The server runs on a fixed clock so "late" is deterministic.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { osloWallTime } from '@innboks/core';
import { fixedClock } from '../apps/server/src/testing/test-server.ts';
import { communication, postLetter } from '../apps/server/src/testing/letters.ts';
import { appointmentResource, lateReplyExtension, messagesFromCitizens, putAppointment } from '../apps/server/src/testing/appointments.ts';
import { expectAccessible } from './support/accessibility.ts';
import { useBrowser } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const iso = (local: string) => osloWallTime(local).toISOString();
const dstDay = { start: iso('2026-03-29T10:00'), end: iso('2026-03-29T10:30') };
const nbsp = /\u00a0/g;

describe('Hospital appointments in the browser', () => {
  const clock = fixedClock(iso('2026-03-20T12:00'));
  // The browser first, then the server: without Chromium every test fails with the install instruction.
  const chromium = useBrowser();
  const server = useTestServer(chromium, { clock, env: { SESSION_IDLE_TIMEOUT_SECONDS: '5000000', SESSION_MAX_AGE_SECONDS: '5000000' } });
  const hospital = (region: string) => server().senders.find((sender) => sender.region === region)!;
  const kari = () => server().citizens[0]!;

  /** A fresh browser context logged in as Kari through the test login page. */
  async function loggedIn(): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
    const context = await chromium.browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${server().baseUrl}/auth/login?returnTo=${encodeURIComponent('/innboks')}`);
    await page.getByRole('button', { name: `Logg inn som ${kari().name}` }).click();
    await page.waitForURL(`${server().baseUrl}/innboks`);
    return { context, page, cspViolations };
  }

  async function sendAppointmentLetter(subject: string, fields: Parameters<typeof appointmentResource>[2]) {
    const sender = hospital('helse-sor-ost');
    const appointment = { ...appointmentResource(sender, kari().nationalId, fields), id: 'appt' };
    const letter = communication(sender, kari().nationalId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'appointment-letter' }] }],
      topic: { text: subject },
      payload: [{ contentString: 'Du er satt opp til time. Se tid og sted i Innboks.' }],
      contained: [appointment],
      about: [{ reference: '#appt' }],
    });
    const created = await postLetter(server().baseUrl, await server().tokenFor(sender.clientId), letter);
    expect(created.status).toBe(201);
    return created.body!.id as string;
  }

  test('Helse Sør-Øst: letter → "Timen passer ikke" → the hospital reads the reply → its answer reaches the citizen', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const sorOst = hospital('helse-sor-ost');
    const letterId = await sendAppointmentLetter('Innkalling til kontroll etter kneoperasjon', { ...dstDay, clinic: 'Ortopedisk poliklinikk', place: 'Bygg 7, 2. etasje' });
    const { context, page, cspViolations } = await loggedIn();

    await page.getByRole('link', { name: 'Innkalling til kontroll etter kneoperasjon' }).click();
    const panel = page.getByTestId('appointment-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('appointment-facts').innerText()).toContain('søndag 29. mars 2026 kl. 10:00–10:30');
    expect((await panel.getByTestId('reply-deadline').innerText()).replace(nbsp, ' ')).toBe('Gi beskjed innen lørdag 28. mars 2026 kl. 09:00 for å unngå gebyr.');
    expect(await panel.getByTestId('late-warning').count()).toBe(0);
    await expectAccessible(page, 'appointment letter with its panel', { strict: true });

    await panel.getByRole('button', { name: 'Timen passer ikke' }).click();
    await panel.getByLabel('Melding til sykehuset (valgfritt)').fill('Jeg er på jobbreise den uken.');
    await expectAccessible(page, 'appointment letter with the reply form', { strict: true });
    await panel.getByRole('button', { name: 'Send beskjed' }).click();
    await panel.getByTestId('reply-sent').waitFor();
    // The reply now stands in the thread beside the letter.
    await page.getByText('Timen søndag 29. mars 2026 kl. 10:00 passer ikke.').waitFor();

    // Answered once: after a reload, the letter and Timeavtaler say what was sent and when, and offer no second cancellation.
    const sentNotice = 'Du sendte «Timen passer ikke» fredag 20. mars 2026 kl. 12:00. Svaret fra sykehuset kommer i innboksen.';
    await page.reload();
    await panel.getByTestId('reply-already-sent').waitFor();
    expect((await panel.getByTestId('reply-already-sent').innerText()).replace(nbsp, ' ')).toBe(sentNotice);
    expect(await panel.getByRole('button', { name: 'Timen passer ikke' }).count()).toBe(0);
    expect(await panel.getByTestId('reply-deadline').count()).toBe(0);
    await panel.getByRole('link', { name: 'Se timen i Timeavtaler' }).click();
    await page.getByTestId('reply-already-sent').waitFor();
    expect(await page.getByRole('button', { name: 'Timen passer ikke' }).count()).toBe(0);
    expect(await page.getByTestId('reply-deadline').count()).toBe(0);
    await page.getByTestId('reply-history').waitFor();
    await page.goBack();
    await panel.getByTestId('reply-already-sent').waitFor();

    const token = await server().tokenFor(sorOst.clientId);
    const reply = (await messagesFromCitizens(server().baseUrl, token, sorOst)).find((message) => message.inResponseTo?.[0]?.reference === `Communication/${letterId}`)!;
    expect(reply.reasonCode?.[0]?.coding[0]?.code).toBe('cannot-attend');
    expect(reply.payload.map((part) => part.contentString)).toContain('Jeg er på jobbreise den uken.');
    expect(reply.extension).toContainEqual({ url: lateReplyExtension, valueBoolean: false });

    clock.advance(3_600_000);
    const answer = await postLetter(server().baseUrl, token, communication(sorOst, kari().nationalId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'message' }] }],
      topic: { text: 'Ny time' },
      payload: [{ contentString: 'Takk for beskjed. Du får ny time torsdag 2. april kl. 09:00.' }],
      inResponseTo: [{ reference: `Communication/${reply.id}` }],
    }));
    expect(answer.status).toBe(201);

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Innboks' }).click();
    const row = page.getByTestId('inbox-item').filter({ hasText: 'Innkalling til kontroll etter kneoperasjon' });
    await row.and(page.locator('[data-unread="true"]')).waitFor();
    await row.getByRole('link').click();
    await page.getByText('Takk for beskjed. Du får ny time torsdag 2. april kl. 09:00.').waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test('Helse Vest: appointment → Timeavtaler → dialogue → the thread in the inbox, with the hospital\'s answer', async () => {
    clock.set(iso('2026-03-20T12:00'));
    const vest = hospital('helse-vest');
    const token = await server().tokenFor(vest.clientId);
    const created = await putAppointment(server().baseUrl, token, appointmentResource(vest, kari().nationalId, {
      ...dstDay,
      clinic: 'Hjertepoliklinikken',
      place: 'Inngang 3, 2. etasje',
      description: 'Kontroll hos hjertelege',
    }));
    expect(created.status).toBe(201);
    const { context, page, cspViolations } = await loggedIn();

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Timeavtaler' }).click();
    const row = page.getByTestId('appointments-upcoming').getByTestId('appointment-row').filter({ hasText: 'Kontroll hos hjertelege' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Hjertepoliklinikken, Vestkyst sjukehus HF');
    await expectAccessible(page, 'appointments page /timeavtaler', { strict: true });
    await row.getByRole('link').click();

    await page.getByRole('heading', { name: 'Kontakt sykehuset om timen' }).waitFor();
    // No reply button here: Helse Vest answers through the dialogue.
    expect(await page.getByRole('button', { name: 'Timen passer ikke' }).count()).toBe(0);
    await page.locator('label', { hasText: 'Stille et spørsmål' }).click();
    expect(await page.getByLabel('Stille et spørsmål').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send beskjed' }).click();
    await page.getByText('Skriv spørsmålet ditt.').waitFor();
    await expectAccessible(page, 'appointment page with the dialogue form and an error', { strict: true });
    await page.getByLabel('Spørsmålet ditt').fill('Må jeg faste før timen?');
    await page.getByRole('button', { name: 'Send beskjed' }).click();
    await page.getByTestId('dialogue-sent').waitFor();
    await page.getByRole('link', { name: 'Gå til samtalen i innboksen' }).click();
    await page.getByText('Må jeg faste før timen?').waitFor();

    const question = (await messagesFromCitizens(server().baseUrl, token, vest)).find((message) => message.about?.[0]?.reference === `Appointment/${created.body.id}`)!;
    expect(question.reasonCode?.[0]?.coding[0]?.code).toBe('question');
    clock.advance(3_600_000);
    const answer = await postLetter(server().baseUrl, token, communication(vest, kari().nationalId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'message' }] }],
      topic: { text: 'Svar' },
      payload: [{ contentString: 'Du trenger ikke faste før denne timen.' }],
      inResponseTo: [{ reference: `Communication/${question.id}` }],
    }));
    expect(answer.status).toBe(201);

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Innboks' }).click();
    const thread = page.getByTestId('inbox-item').filter({ hasText: 'Spørsmål om timen' });
    await thread.and(page.locator('[data-unread="true"]')).waitFor();
    expect(await thread.innerText()).toContain('Hjertepoliklinikken');
    await thread.getByRole('link').click();
    await page.getByText('Du trenger ikke faste før denne timen.').waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test('a reply less than 24 hours before the start first warns of the no-show fee, with the amount that applies', async () => {
    clock.set(iso('2026-03-20T12:00'));
    await sendAppointmentLetter('Innkalling til røntgenkontroll', { ...dstDay, clinic: 'Ortopedisk poliklinikk' });
    await sendAppointmentLetter('Innkalling til samtale', { ...dstDay, careArea: 'mental-health', clinic: 'DPS poliklinikk' });
    clock.set(iso('2026-03-28T09:30'));
    const { context, page } = await loggedIn();

    await page.getByRole('link', { name: 'Innkalling til samtale' }).click();
    const mentalHealth = page.getByTestId('late-warning');
    await mentalHealth.waitFor();
    expect((await mentalHealth.innerText()).replace(nbsp, ' ')).toContain('gebyr for ikke-møtt time på inntil 443 kr');

    await page.goto(`${server().baseUrl}/innboks`);
    await page.getByRole('link', { name: 'Innkalling til røntgenkontroll' }).click();
    const warning = page.getByTestId('late-warning');
    await warning.waitFor();
    const text = (await warning.innerText()).replace(nbsp, ' ');
    expect(text).toContain('Fristen for å gi beskjed uten gebyr er ute');
    expect(text).toContain('sykehuset kan kreve gebyr for ikke-møtt time på 1 993 kr');
    expect(text).toContain('Fristen var lørdag 28. mars 2026 kl. 09:00.');
    await expectAccessible(page, 'appointment letter with the late warning', { strict: true });

    await page.getByRole('button', { name: 'Timen passer ikke' }).click();
    await page.getByRole('button', { name: 'Send beskjed likevel' }).click();
    await page.getByTestId('reply-sent').waitFor();
    const replies = await messagesFromCitizens(server().baseUrl, await server().tokenFor(hospital('helse-sor-ost').clientId), hospital('helse-sor-ost'));
    expect(replies.at(-1)!.extension).toContainEqual({ url: lateReplyExtension, valueBoolean: true });
    await context.close();
  });
});
