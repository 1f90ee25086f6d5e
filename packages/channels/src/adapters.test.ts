import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelError } from '@innboks/core';
import { HttpSmsGateway } from './sms.ts';
import { HttpDigitalMailbox } from './digital-mailbox.ts';
import { HttpContactRegister, HttpPopulationRegister } from './registers.ts';
import { retryAfterMs } from './http.ts';
import { SmtpEmailSender } from './email.ts';
import { digitalMailboxResponder, registerResponder, smsGatewayResponder, startTestHttpService, type TestHttpService } from './testing/http-service.ts';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-server.ts';

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as ChannelError;
  }
  throw new Error('expected a failure');
};

describe('HTTP adapters over a real connection', () => {
  let gateway: TestHttpService;
  beforeAll(async () => {
    gateway = await startTestHttpService(smsGatewayResponder());
  });
  afterAll(() => gateway.close());

  test('an SMS goes to the gateway as documented, with basic authentication and the notice id as reference', async () => {
    const sms = new HttpSmsGateway({ url: gateway.url, basic: { username: 'innboks', password: 'secret' }, timeoutMs: 2000 }, 'Helsenorge');
    const first = await sms.send({ to: '+4799000001', text: 'Du har fått en ny melding', reference: 'notice-1' });
    const again = await sms.send({ to: '+4799000001', text: 'Du har fått en ny melding', reference: 'notice-1' });
    expect(again.providerId).toBe(first.providerId);
    const request = gateway.requests.at(-1)!;
    expect(request.body).toEqual({ to: '+4799000001', from: 'Helsenorge', text: 'Du har fått en ny melding', reference: 'notice-1' });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('innboks:secret').toString('base64')}`);
    expect(request.headers['idempotency-key']).toBe('notice-1');
  });

  test('500 and 429 are worth another try (429 says when), 400 is a rejection for good, a hang times out', async () => {
    const sms = new HttpSmsGateway({ url: gateway.url, timeoutMs: 300 }, 'Helsenorge');
    const message = { to: '+47', text: 't', reference: 'r' };
    gateway.next('error');
    expect(await failureOf(sms.send(message))).toMatchObject({ failure: 'transient', message: expect.stringContaining('500') });
    gateway.retryAfterSeconds = 7;
    gateway.next('throttle');
    expect(await failureOf(sms.send(message))).toMatchObject({ failure: 'transient', retryAfterMs: 7000 });
    gateway.next('reject');
    expect(await failureOf(sms.send(message))).toMatchObject({ failure: 'permanent' });
    gateway.next('hang');
    const started = Date.now();
    expect(await failureOf(sms.send(message))).toMatchObject({ failure: 'transient', message: expect.stringContaining('within 300 ms') });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a service that is not listening is worth another try', async () => {
    const sms = new HttpSmsGateway({ url: 'http://127.0.0.1:1', timeoutMs: 500 }, 'x');
    expect(await failureOf(sms.send({ to: '+47', text: 't', reference: 'r' }))).toMatchObject({ failure: 'transient' });
  });

  test('Retry-After is read as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 10 Jun 2026 10:00:30 GMT', new Date('2026-06-10T10:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  test('the digital mailbox gets the letter with its attachments and answers with a receipt', async () => {
    const mailbox = await startTestHttpService(digitalMailboxResponder());
    try {
      const adapter = new HttpDigitalMailbox({ url: mailbox.url, token: 't0ken', timeoutMs: 2000 });
      const receipt = await adapter.deliver({
        letterId: 'letter-1',
        recipient: { nationalId: '15869021012', provider: 'digipost', address: 'per#1' },
        sender: { name: 'Kardiologisk poliklinikk', organizationNumber: '910000016' },
        subject: 'Svar',
        sentAt: new Date('2026-06-10T10:00:00Z'),
        textParts: ['Hei'],
        attachments: [{ title: 'Epikrise', contentType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) }],
      });
      expect(receipt.receiptId).toMatch(/^receipt-/);
      const request = mailbox.requests[0]!;
      expect(request.path).toBe('/messages');
      expect(request.headers.authorization).toBe('Bearer t0ken');
      expect(request.body).toMatchObject({ letterId: 'letter-1', text: ['Hei'], attachments: [{ title: 'Epikrise', data: 'JVBERg==' }] });
    } finally {
      await mailbox.close();
    }
  });

  test('a register answers 404 for someone it does not know, and that is "not found", not a failure', async () => {
    const register = await startTestHttpService(registerResponder(new Map([['1', { reserved: false, mobile: '+47', email: null, digitalMailbox: null }]])));
    try {
      const client = new HttpContactRegister({ url: register.url, timeoutMs: 2000 });
      expect(await client.lookup('1')).toEqual({ reserved: false, mobile: '+47', email: null, digitalMailbox: null });
      expect(await client.lookup('2')).toBeUndefined();
      expect(register.requests.every((request) => request.path === '/lookup' && !request.path.includes('1'))).toBe(true);
    } finally {
      await register.close();
    }
  });

  test('the population register names whom a person is responsible for, who is responsible for them, and whether their address is confidential; the national id goes in the body', async () => {
    const parent = {
      confidentialAddress: false,
      responsibleFor: [{ nationalId: '01891800000', relation: 'FO' }, { nationalId: 'x', relation: 'unknown' }],
      responsibleAdults: [{ nationalId: '12345678901', relation: 'VE' }],
    };
    const register = await startTestHttpService(registerResponder(new Map([['15848500000', parent]])));
    try {
      const client = new HttpPopulationRegister({ url: register.url, timeoutMs: 2000 });
      expect(await client.relations('15848500000')).toEqual({
        confidentialAddress: false,
        responsibleFor: [{ nationalId: '01891800000', relation: 'FO' }],
        responsibleAdults: [{ nationalId: '12345678901', relation: 'VE' }],
      });
      expect(await client.relations('99999999999')).toBeUndefined();
      expect(register.requests.map((request) => [request.path, request.body])).toEqual([
        ['/relations', { nationalId: '15848500000' }],
        ['/relations', { nationalId: '99999999999' }],
      ]);
    } finally {
      await register.close();
    }
  });

  test('a register asked for many people in one call answers those it knows and leaves out the rest', async () => {
    const known = { reserved: false, mobile: null, email: 'a@example.no', digitalMailbox: null };
    const register = await startTestHttpService(registerResponder(new Map([['1', known], ['3', { ...known, email: 'c@example.no' }]])));
    try {
      const client = new HttpContactRegister({ url: register.url, timeoutMs: 2000 });
      const found = await client.lookupMany(['1', '2', '3']);
      expect([...found]).toEqual([['1', known], ['3', { ...known, email: 'c@example.no' }]]);
      expect(register.requests).toHaveLength(1);
      expect(register.requests[0]).toMatchObject({ path: '/lookup-many', body: { nationalIds: ['1', '2', '3'] } });
      await expect(client.lookupMany(Array.from({ length: 1001 }, (_, index) => String(index)))).rejects.toMatchObject({ failure: 'permanent' });
      expect(register.requests).toHaveLength(1);
    } finally {
      await register.close();
    }
  });
});

describe('E-mail over SMTP to a local server', () => {
  let smtp: SmtpTestServer;
  let sender: SmtpEmailSender;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    sender = new SmtpEmailSender({ url: smtp.url, from: 'Helsenorge <ikke-svar@innboks.example>', timeoutMs: 1000, pool: false });
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  test('a notice arrives with the notice id as its Message-ID', async () => {
    await sender.send({ to: 'ola@example.test', subject: 'Ny melding på Helsenorge', text: 'Du har fått en ny melding på Helsenorge.', reference: 'notice-7' });
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['ola@example.test']);
    expect(mail.messageId).toBe('<notice-7@innboks.example>');
    expect(mail.subject).toBe('Ny melding på Helsenorge');
    expect(mail.text).toContain('Du har fått en ny melding på Helsenorge.');
  });

  test('a notice reads the same to the receiving server whether it is written directly or composed by nodemailer', async () => {
    const subject = 'Ny melding på Helsenorge – du har fått svar fra fastlegekontoret ditt i Tromsø';
    const text = 'Du har fått en ny melding på Helsenorge.\nLogg inn for å lese den.';
    // A sender name beyond ASCII sends every notice through nodemailer's composer.
    const composing = new SmtpEmailSender({ url: smtp.url, from: 'Helsenorge – varsel <ikke-svar@innboks.example>', timeoutMs: 1000, pool: false });
    await sender.send({ to: 'kari@example.test', subject, text, reference: 'notice-8' });
    await composing.send({ to: 'kari@example.test', subject, text, reference: 'notice-9' });
    composing.close();
    const [direct, composed] = smtp.mails.slice(-2);
    for (const mail of [direct!, composed!]) {
      expect(mail.to).toEqual(['kari@example.test']);
      expect(mail.from).toBe('ikke-svar@innboks.example');
      expect(mail.subject).toBe(subject);
      expect(mail.text.replace(/\r\n/g, '\n')).toBe(text);
      expect(mail.raw).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000\r?$/m);
    }
    expect(direct!.messageId).toBe('<notice-8@innboks.example>');
    expect(composed!.messageId).toBe('<notice-9@innboks.example>');
    // Every header line of the written message stays within the 78 characters RFC 5322 asks for.
    const head = direct!.raw.slice(0, direct!.raw.indexOf('\r\n\r\n'));
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
  });

  test('an address that is not one mailbox is refused for good, and nothing is sent to anyone', async () => {
    const before = smtp.mails.length;
    for (const to of ['ola@example.test\r\nBcc: mallory@example.test', 'ola@example.test, mallory@example.test', 'Ola <ola@example.test>', 'ola']) {
      await expect(sender.send({ to, subject: 's', text: 't', reference: 'notice-10' })).rejects.toMatchObject({ failure: 'permanent' });
    }
    expect(smtp.mails.length).toBe(before);
  });

  test('550 is a rejection for good; 451, a hang and a server that is down are worth another try', async () => {
    const mail = { to: 'ola@example.test', subject: 's', text: 't', reference: 'n' };
    smtp.mode = 'reject';
    expect(await failureOf(sender.send(mail))).toMatchObject({ failure: 'permanent' });
    smtp.mode = 'tempfail';
    expect(await failureOf(sender.send(mail))).toMatchObject({ failure: 'transient' });
    smtp.mode = 'hang';
    expect(await failureOf(sender.send(mail))).toMatchObject({ failure: 'transient' });
    smtp.mode = 'ok';
    await smtp.down();
    expect(await failureOf(sender.send(mail))).toMatchObject({ failure: 'transient' });
    await smtp.up();
    await sender.send(mail);
    expect(smtp.mails.at(-1)!.messageId).toBe('<n@innboks.example>');
  });
});
