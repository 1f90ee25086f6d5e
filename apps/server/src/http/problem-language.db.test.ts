/**
 * The web API's refusals, and the login's own pages, come in the language the person chose: the logged-in citizen's
 * saved choice, else this browser's (`innboks_lang`), else the browser's languages, else
 * Bokmål. The field a refusal names stays the API's name in every language.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointmentReplyTextMaxLength, languageLocales, osloWallTime } from '@innboks/core';
import { fixedClock, startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { appointmentResource } from '../testing/appointments.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { loginAsStaff } from '../testing/staff-login.ts';
import { hanne } from '../testing/municipal.ts';
import { problemTexts } from './problem-text/problem-text.ts';

interface ProblemAnswer {
  status: number;
  type: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabaseKinds())('problem details in the chosen language on %s', (kind) => {
  let server: TestServer;
  let kari: CookieJar;
  let appointmentId: string;
  const clock = fixedClock(osloWallTime('2026-03-20T12:00').toISOString());

  /** The same request from the same login, with this browser's choice and languages as given. */
  const ask = async (jar: CookieJar, path: string, options: { body?: unknown; cookie?: string; acceptLanguage?: string } = {}) => {
    if (options.cookie) jar.cookies.set('innboks_lang', options.cookie);
    else jar.cookies.delete('innboks_lang');
    const response = await jar.fetch(`${server.baseUrl}${path}`, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: { ...(options.body === undefined ? {} : csrfHeaders(jar)), ...(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return { ...((await response.json()) as ProblemAnswer), status: response.status };
  };
  const secondReply = (options: { cookie?: string; acceptLanguage?: string } = {}) => ask(kari, `/api/appointments/${appointmentId}/replies`, { ...options, body: { reason: 'cannot-attend' } });
  const tooLongReply = (options: { cookie?: string; acceptLanguage?: string } = {}) =>
    ask(kari, `/api/appointments/${appointmentId}/replies`, { ...options, body: { reason: 'cannot-attend', text: 'x'.repeat(appointmentReplyTextMaxLength + 1) } });
  const unknownLetter = (options: { cookie?: string; acceptLanguage?: string } = {}) => ask(kari, `/api/letters/${unknownId}`, options);

  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
    const kariId = server.citizens[0]!.nationalId;
    kari = await loginAsCitizen(server.baseUrl, kariId);
    const sender = server.senders.find((one) => one.region === 'helse-sor-ost')!;
    const appointment = { ...appointmentResource(sender, kariId, { start: osloWallTime('2026-04-10T10:00').toISOString(), end: osloWallTime('2026-04-10T10:30').toISOString() }), id: 'appt' };
    const letter = communication(sender, kariId, {
      category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'appointment-letter' }] }],
      topic: { text: 'Innkalling til poliklinisk time' },
      contained: [appointment],
      about: [{ reference: '#appt' }],
    });
    const created = await postLetter(server.baseUrl, await server.tokenFor(sender.clientId), letter);
    appointmentId = (created.body!.about as { reference: string }[])[0]!.reference.replace('Appointment/', '');
    const first = await kari.fetch(`${server.baseUrl}/api/appointments/${appointmentId}/replies`, { method: 'POST', headers: csrfHeaders(kari), body: JSON.stringify({ reason: 'cannot-attend' }) });
    expect(first.status).toBe(201);
  });

  afterAll(async () => {
    await server?.close();
  });

  test('a refusal answers in Nynorsk, Sami or English as this browser chose, and in Bokmål without a choice', async () => {
    for (const language of ['nn', 'se', 'en'] as const) {
      const words = problemTexts[language];
      const again = await secondReply({ cookie: language });
      expect(again).toMatchObject({ status: 409, type: 'urn:innboks:problem:appointment-already-answered', title: words.problems.appointmentAlreadyAnswered.title });
      expect(again.detail).not.toContain('Du sendte');
      const tooLong = await tooLongReply({ cookie: language });
      expect(tooLong).toMatchObject({ status: 400, title: words.problems.invalidRequest.title });
      expect(tooLong.errors).toEqual([{ field: 'text', message: words.fields.tooLong.replace('{maximum}', new Intl.NumberFormat(languageLocales[language]).format(appointmentReplyTextMaxLength)) }]);
      expect(await unknownLetter({ cookie: language })).toMatchObject({ status: 404, ...words.problems.notFound });
    }
    expect((await secondReply()).title).toBe('Allerede sendt');
    expect((await unknownLetter()).title).toBe('Fant ikke');
  });

  test('without a choice in the browser its languages decide, the first offered one winning', async () => {
    expect((await secondReply({ acceptLanguage: 'de-DE, en-GB;q=0.9, nb;q=0.8' })).title).toBe('Already sent');
    expect((await unknownLetter({ acceptLanguage: 'nn-NO' })).title).toBe('Fann ikkje');
  });

  test('a logged-in citizen’s saved choice wins over this browser’s, even before the request reaches its route', async () => {
    const saved = await kari.fetch(`${server.baseUrl}/api/language`, { method: 'PUT', headers: csrfHeaders(kari), body: JSON.stringify({ language: 'nn' }) });
    expect(saved.status).toBe(200);
    const again = await secondReply({ cookie: 'se', acceptLanguage: 'en' });
    expect(again.title).toBe('Allereie sendt');
    expect(again.detail).toMatch(/^Du sende dette svaret .*2026/);
    const tooLong = await tooLongReply({ cookie: 'se' });
    expect(tooLong.errors?.[0]).toMatchObject({ field: 'text', message: expect.stringContaining('høgst') });
  });

  test('logged out, a refusal follows the browser’s choice', async () => {
    const visitor = new (kari.constructor as new () => CookieJar)();
    const refused = await ask(visitor, '/api/session', { cookie: 'se' });
    expect(refused).toMatchObject({ status: 401, title: 'It leat čálihan sisa' });
  });

  test('a staff member’s refusals follow this browser’s choice, with the field named as in Bokmål', async () => {
    const staff = await loginAsStaff(server.baseUrl, hanne.nationalId);
    const missing = await ask(staff, `/ansatt/api/threads/${unknownId}`, { cookie: 'se' });
    expect(missing).toMatchObject({ status: 404, title: 'Ii gávdnon' });
    staff.cookies.set('innboks_lang', 'en');
    const response = await staff.fetch(`${server.baseUrl}/ansatt/api/threads/${unknownId}/messages`, {
      method: 'POST',
      headers: { 'x-csrf-token': staff.cookies.get('innboks_staff_csrf') ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(await response.json()).toMatchObject({ status: 400, title: 'Invalid request', errors: [{ field: 'text', message: 'Fill in this field.' }] });
  });

  test('a login asks the identity provider for the language chosen in this browser', async () => {
    const start = await fetch(`${server.baseUrl}/auth/login`, { redirect: 'manual', headers: { cookie: 'innboks_lang=se' } });
    expect(new URL(start.headers.get('location')!).searchParams.get('ui_locales')).toBe('se');
    const staffStart = await fetch(`${server.baseUrl}/ansatt/auth/login`, { redirect: 'manual', headers: { 'accept-language': 'en-GB' } });
    expect(new URL(staffStart.headers.get('location')!).searchParams.get('ui_locales')).toBe('en');
  });

  test('the login’s own pages (cancelled, expired) are in the language chosen in this browser, with <html lang>', async () => {
    const visitor = new (kari.constructor as new () => CookieJar)();
    visitor.cookies.set('innboks_lang', 'se');
    await visitor.fetch(`${server.baseUrl}/auth/login`);
    const cancelled = await visitor.fetch(`${server.baseUrl}/auth/callback?error=access_denied`);
    expect(cancelled.status).toBe(400);
    const page = await cancelled.text();
    expect(page).toContain('<html lang="se">');
    expect(page).toContain('<h1>Sisačáliheapmi gaskkalduvvui</h1>');
    expect(page).not.toMatch(/Innloggingen|avbrøt|forsiden/);
    const staffVisitor = new (kari.constructor as new () => CookieJar)();
    staffVisitor.cookies.set('innboks_lang', 'nn');
    const expired = await (await staffVisitor.fetch(`${server.baseUrl}/ansatt/auth/callback?code=x&state=y`)).text();
    expect(expired).toContain('<h1>Innlogginga har gått ut på tid</h1>');
    expect(expired).toContain('Logg inn på nytt');
  });
});
