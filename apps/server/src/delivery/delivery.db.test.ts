/**
 * Delivery end to end against local servers over real connections (SMS gateway,
 * SMTP, digital mailbox, print service, registers), with an injected clock so
 * windows, quiet hours, backoff and the 4-day fallback can be walked through.
 */
import { describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { CitizenInbox, enqueueJobs } from '@innboks/db';
import { fixedClock } from '@innboks/core';
import { pdfText } from '@innboks/channels/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { saveCitizen, saveLetter, type RigPerson } from '../testing/delivery-rig.ts';
import { useDeliveryServer } from '../testing/delivery-server.ts';
import { deliverLetterHandler } from '../jobs/deliver-letter.ts';
import { sendNoticeHandler } from '../jobs/send-notice.ts';
import { sendDigitalMailboxHandler } from '../jobs/send-digital-mailbox.ts';
import { printLetterHandler } from '../jobs/print-letter.ts';
import { unreadFallbackHandler } from '../jobs/unread-fallback.ts';
import { sweepDelivery } from '../jobs/sweeper.ts';
import { runJobNow } from '../jobs/worker.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { getFhir } from '../testing/fhir-client.ts';

const minute = 60_000;
/** Words from the letters' subjects, senders and bodies that must never reach a notice. */
const healthWords = ['hjerte', 'Kardiologisk', 'Ekkokardiografien', 'mitralklaffen', 'Svar på', 'Sykehuset', 'Psykiatrisk', 'diagnose'];

describe.each(testDatabaseKinds())('Delivery on %s', (kind) => {
  const clock = fixedClock('2026-03-20T09:00:00Z');
  const { rig, server } = useDeliveryServer(kind, clock, { DELIVERY_MAX_ATTEMPTS: '3' });

  const db = () => server().database.db;
  const drain = () => server().worker.drain();
  /** Drains, then moves the clock past the longest backoff and drains again, `rounds` times. */
  const retryRounds = async (rounds: number) => {
    await drain();
    for (let round = 0; round < rounds; round++) {
      clock.advance(5 * minute + 1000);
      await drain();
    }
  };
  const person = async (facts: RigPerson) => {
    const nationalId = rig().addPerson(facts);
    const citizenId = await saveCitizen(db(), nationalId, facts);
    return { nationalId, citizenId };
  };
  const attempts = async (messageId: string) => {
    const rows = await db().selectFrom('delivery_attempt').select(['channel', 'state']).where('message_id', '=', messageId).orderBy('created_at').execute();
    return Object.fromEntries(rows.map((row) => [row.channel, row.state]));
  };
  const events = async (messageId: string) =>
    db().selectFrom('delivery_event').select(['channel', 'state', 'detail', 'at']).where('message_id', '=', messageId).orderBy('id').execute();
  const smsTo = (mobile: string) => rig().sms.requests.filter((request) => request.body.to === mobile && request.answered === 'ok');
  const mailsTo = (email: string) => rig().smtp.mails.filter((mail) => mail.to.includes(email));
  const deadLetters = async (citizenId: string) => (await server().delivery.store.deadLetters()).filter((entry) => entry.citizenId === citizenId);

  test('an active portal user gets the letter in the inbox and one SMS that says only that something arrived', async () => {
    const kari = await person({ portalUser: true, mobile: '+4791000001' });
    const { messageId } = await saveLetter(db(), kari.nationalId, clock.now());
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
    const [sms, ...more] = smsTo('+4791000001');
    expect(more).toEqual([]);
    expect(sms!.body.text).toMatch(/^Du har fått en ny melding på Helsenorge\. Logg inn på http:\/\/localhost:\d+ for å lese den\.$/);
    expect(sms!.headers.authorization).toMatch(/^Basic /);
  });

  test('a citizen who chose e-mail gets it over SMTP, one who chose both gets both', async () => {
    const ola = await person({ portalUser: true, mobile: '+4791000002', email: 'ola@example.test' });
    await server().delivery.store.saveNoticeChoice(ola.citizenId, 'email', clock.now());
    const both = await person({ portalUser: true, mobile: '+4791000003', email: 'begge@example.test' });
    await server().delivery.store.saveNoticeChoice(both.citizenId, 'both', clock.now());
    const first = await saveLetter(db(), ola.nationalId, clock.now());
    const second = await saveLetter(db(), both.nationalId, clock.now());
    await drain();
    expect(await attempts(first.messageId)).toEqual({ inbox: 'delivered', email: 'delivered' });
    expect(await attempts(second.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered', email: 'delivered' });
    expect(smsTo('+4791000002')).toHaveLength(0);
    const [mail] = mailsTo('ola@example.test');
    expect(mail!.subject).toBe('Ny melding på Helsenorge');
    expect(mail!.text).toContain('Du har fått en ny melding på Helsenorge.');
    expect(mailsTo('begge@example.test')).toHaveLength(1);
    expect(smsTo('+4791000003')).toHaveLength(1);
  });

  test('five letters at once give one notice; a letter after it waits for the window and gets its own, and a letter read in time gets none', async () => {
    const per = await person({ portalUser: true, mobile: '+4791000004' });
    const start = clock.now();
    for (let index = 0; index < 5; index++) await saveLetter(db(), per.nationalId, clock.now());
    await drain();
    expect(smsTo('+4791000004')).toHaveLength(1);

    clock.advance(2 * minute);
    const late = await saveLetter(db(), per.nationalId, clock.now());
    await drain();
    expect(smsTo('+4791000004')).toHaveLength(1);
    expect(await attempts(late.messageId)).toEqual({ inbox: 'delivered', sms: 'queued' });

    clock.set(new Date(start.getTime() + 15 * minute - 1000));
    await drain();
    expect(smsTo('+4791000004')).toHaveLength(1);
    clock.set(new Date(start.getTime() + 15 * minute));
    await drain();
    expect(smsTo('+4791000004')).toHaveLength(2);
    expect(await attempts(late.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
    const sent = await db().selectFrom('notice').select(['sent_at']).where('citizen_id', '=', per.citizenId).where('state', '=', 'sent').orderBy('sent_at').execute();
    expect(sent[1]!.sent_at!.getTime() - sent[0]!.sent_at!.getTime()).toBeGreaterThanOrEqual(15 * minute);

    clock.advance(minute);
    const readInTime = await saveLetter(db(), per.nationalId, clock.now());
    await drain();
    await new CitizenInbox(db(), per.citizenId).open(readInTime.messageId, clock.now());
    clock.advance(15 * minute);
    await drain();
    expect(smsTo('+4791000004')).toHaveLength(2);
    expect(await attempts(readInTime.messageId)).toEqual({ inbox: 'read', sms: 'skipped' });
  });

  test('without a portal user the letter goes to the digital mailbox, and the sender sees the receipt in the timeline', async () => {
    const digital = await person({ portalUser: false, mobile: '+4791000005', digitalMailbox: { provider: 'digipost', address: 'per.digitalsen#9' } });
    const hospital = server().senders.find((sender) => sender.kind === 'hospital')!;
    const token = await server().tokenFor(hospital.clientId);
    const created = await postLetter(server().baseUrl, token, communication(hospital, digital.nationalId));
    expect(created.status).toBe(201);
    const id = created.body!.id as string;
    await drain();
    const request = rig().digitalMailbox.requests.find((candidate) => candidate.body.letterId === id)!;
    expect(request.body).toMatchObject({ recipient: { nationalId: digital.nationalId, provider: 'digipost', address: 'per.digitalsen#9' }, subject: 'Svar på undersøkelse' });
    expect(request.headers['idempotency-key']).toBe(id);
    expect(smsTo('+4791000005')).toHaveLength(0);

    const letter = (await getFhir(server().baseUrl, token, `/fhir/R4/Communication/${id}`)).body as unknown as { status: string; extension: { url: string; extension?: { url: string; extension?: { url: string; valueCode?: string; valueString?: string }[] }[] }[] };
    expect(letter.status).toBe('completed');
    const timeline = letter.extension
      .find((extension) => extension.url === 'urn:innboks:extension:delivery')!
      .extension!.map((attempt) => Object.fromEntries(attempt.extension!.filter((part) => part.url !== 'time').map((part) => [part.url, part.valueCode ?? part.valueString])));
    expect(timeline).toEqual([
      { channel: 'inbox', state: 'queued' },
      { channel: 'inbox', state: 'skipped', detail: 'no active portal user' },
      { channel: 'digital-mailbox', state: 'queued' },
      { channel: 'digital-mailbox', state: 'sending' },
      { channel: 'digital-mailbox', state: 'delivered', detail: expect.stringMatching(/^receipt receipt-/) },
    ]);
  });

  test('with neither portal user nor digital mailbox the letter is printed: a PDF whose first page shows the address in the window', async () => {
    const anne = await person({ portalUser: false, name: 'Anne Papirsen', postalAddress: { street: 'Sjøgata 3', postalCode: '9008', city: 'Tromsø' } });
    const { messageId } = await saveLetter(db(), anne.nationalId, clock.now(), { subject: 'Svar på hjerteundersøkelsen' });
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'skipped', paper: 'delivered' });
    const job = rig().print.requests.find((request) => request.body.letterId === messageId)!;
    expect(job.body.recipient).toEqual({ name: 'Anne Papirsen', address: { street: 'Sjøgata 3', postalCode: '9008', city: 'Tromsø' } });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-print-'));
    try {
      const file = path.join(dir, 'letter.pdf');
      await writeFile(file, Buffer.from(String(job.body.pdf), 'base64'));
      const window = pdfText(file, { region: { left: 20, top: 45, width: 85, height: 45 } });
      expect(window).toContain('Anne Papirsen');
      expect(window).toContain('9008 Tromsø');
      expect(pdfText(file)).toContain('Svar på hjerteundersøkelsen');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a 12–16 year old gets hospital letters on paper and other letters in the inbox', async () => {
    const jonas = await person({ portalUser: true, birthDate: '2012-03-14', mobile: '+4791000006' });
    const hospitalLetter = await saveLetter(db(), jonas.nationalId, clock.now());
    const gpLetter = await saveLetter(db(), jonas.nationalId, clock.now(), { sender: server().senders.find((sender) => sender.kind === 'gp')! });
    await drain();
    expect(await attempts(hospitalLetter.messageId)).toEqual({ inbox: 'skipped', paper: 'delivered' });
    expect((await events(hospitalLetter.messageId)).find((event) => event.state === 'skipped')!.detail).toBe('aged 12–16: hospital letters go on paper');
    expect(await attempts(gpLetter.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
  });

  test('a gateway answering 500 twice is tried again with backoff and the SMS goes on the third try', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000007' });
    rig().sms.next('error', 'error');
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'sending' });
    await retryRounds(2);
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
    const tries = rig().sms.requests.filter((request) => request.body.to === '+4791000007');
    expect(tries.map((request) => request.answered)).toEqual(['error', 'error', 'ok']);
    expect(new Set(tries.map((request) => request.body.reference)).size).toBe(1);
  });

  test('429 with Retry-After: the next try waits at least that long', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000008' });
    rig().sms.retryAfterSeconds = 600;
    rig().sms.next('throttle');
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    const before = clock.now();
    await drain();
    const job = await db().selectFrom('job').select(['run_at']).where('kind', '=', 'send-notice').where('state', '=', 'queued').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.run_at.getTime() - before.getTime()).toBeGreaterThanOrEqual(600_000);
    clock.advance(9 * minute);
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'sending' });
    clock.advance(minute + 1000);
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
  });

  test('a gateway that hangs times out on every try: the SMS fails, a dead letter is left, and the letter goes on paper; replayed, it goes', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000009' });
    rig().sms.next('hang', 'hang', 'hang');
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await retryRounds(3);
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'failed', paper: 'delivered' });
    expect((await events(messageId)).find((event) => event.channel === 'sms' && event.state === 'failed')!.detail).toMatch(/gave up after 3 tries: no answer from .* within 400 ms/);
    expect((await events(messageId)).find((event) => event.channel === 'paper' && event.state === 'queued')!.detail).toBe(
      'after inbox: sms notice failed',
    );
    const dead = await deadLetters(citizen.citizenId);
    expect(dead).toMatchObject([{ kind: 'delivery', step: 'sms', attempts: 3 }]);

    expect(await server().delivery.store.replay(dead[0]!.id, clock.now())).toBe(true);
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'delivered', paper: 'delivered' });
    expect(await deadLetters(citizen.citizenId)).toEqual([]);
    expect(await server().delivery.store.replay(dead[0]!.id, clock.now())).toBe(false);
  });

  test('SMTP down: the e-mail notice is tried again, then falls back to SMS', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000010', email: 'nede@example.test' });
    await server().delivery.store.saveNoticeChoice(citizen.citizenId, 'email', clock.now());
    await rig().smtp.down();
    try {
      const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
      await retryRounds(3);
      expect(await attempts(messageId)).toEqual({ inbox: 'delivered', email: 'failed', sms: 'delivered' });
      expect((await events(messageId)).find((event) => event.channel === 'email' && event.state === 'failed')!.detail).toMatch(/gave up after 3 tries: SMTP/);
      expect(smsTo('+4791000010')).toHaveLength(1);
    } finally {
      await rig().smtp.up();
    }
  });

  test('a digital mailbox that rejects the letter falls through to paper at once, without trying again', async () => {
    const citizen = await person({ portalUser: false, digitalMailbox: { provider: 'eboks', address: 'ukjent' } });
    rig().digitalMailbox.next('reject');
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'skipped', 'digital-mailbox': 'failed', paper: 'delivered' });
    expect(rig().digitalMailbox.requests.filter((request) => request.body.letterId === messageId)).toHaveLength(1);
    expect(await deadLetters(citizen.citizenId)).toMatchObject([{ step: 'digital-mailbox', reason: expect.stringMatching(/^rejected: .* answered 400/) }]);
  });

  test('a citizen nothing can reach gets a dead letter saying why, and the sender sees not-done', async () => {
    const citizen = await person({ portalUser: false, postalAddress: null });
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'skipped' });
    const message = await db().selectFrom('message').select('status').where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(message.status).toBe('not-done');
    expect(await deadLetters(citizen.citizenId)).toMatchObject([{ step: 'plan', reason: 'nothing can reach the citizen: no portal user, no digital mailbox, no postal address' }]);
  });

  test('twenty letters arriving together are planned with one call to each register, and each citizen gets one e-mail notice', async () => {
    const people = await Promise.all(Array.from({ length: 20 }, (_, index) => person({ portalUser: true, email: `batch-${index}@example.no` })));
    const letters = [];
    for (const someone of people) letters.push(await saveLetter(db(), someone.nationalId, clock.now()));
    const asked = { contact: rig().contactRegister.requests.length, population: rig().populationRegister.requests.length };
    await drain();
    const contactCalls = rig().contactRegister.requests.slice(asked.contact);
    expect(contactCalls.map((request) => request.path)).toEqual(['/lookup-many']);
    expect(new Set(contactCalls[0]!.body.nationalIds as string[])).toEqual(new Set(people.map((someone) => someone.nationalId)));
    expect(rig().populationRegister.requests.slice(asked.population).map((request) => request.path)).toEqual(['/lookup-many']);
    for (const [index, letter] of letters.entries()) {
      expect(await attempts(letter.messageId)).toEqual({ inbox: 'delivered', email: 'delivered' });
      expect(mailsTo(`batch-${index}@example.no`)).toHaveLength(1);
    }
  });

  test('a register that fails is asked again later; a letter on its last try is planned without it, and the plan says why', async () => {
    const again = await person({ portalUser: true, email: 'again@example.no' });
    rig().contactRegister.next('error');
    const first = await saveLetter(db(), again.nationalId, clock.now());
    await drain();
    expect(await attempts(first.messageId)).toEqual({ inbox: 'queued' });
    await retryRounds(1);
    expect(await attempts(first.messageId)).toEqual({ inbox: 'delivered', email: 'delivered' });
    expect(mailsTo('again@example.no')).toHaveLength(1);

    const never = await person({ portalUser: true, email: 'never@example.no' });
    rig().contactRegister.mode = 'error';
    try {
      const second = await saveLetter(db(), never.nationalId, clock.now());
      await retryRounds(8);
      expect(await attempts(second.messageId)).toEqual({ inbox: 'delivered' });
      const plan = await db().selectFrom('delivery_plan').select('facts').where('message_id', '=', second.messageId).executeTakeFirstOrThrow();
      expect(plan.facts).toMatchObject({ contact: null, note: expect.stringMatching(/^contact register: gave up after 8 tries: .* answered 500/) });
      expect(mailsTo('never@example.no')).toEqual([]);
    } finally {
      rig().contactRegister.mode = 'ok';
    }
  });

  test('a letter and its notice each queued twice in one batch are planned once and give one e-mail', async () => {
    const twice = await person({ portalUser: true, email: 'twice@example.no' });
    const { messageId, citizenId } = await saveLetter(db(), twice.nationalId, clock.now());
    await runJobNow(deliverLetterHandler(server().delivery), { citizenId, messageId });
    const notice = await db().selectFrom('notice').select('id').where('citizen_id', '=', citizenId).executeTakeFirstOrThrow();
    await enqueueJobs(db(), [
      { kind: 'deliver-letter', payload: { citizenId, messageId }, runAt: clock.now() },
      { kind: 'send-notice', payload: { citizenId, noticeId: notice.id }, runAt: clock.now() },
    ]);
    await drain();
    expect(mailsTo('twice@example.no')).toHaveLength(1);
    expect((await events(messageId)).map((event) => `${event.channel} ${event.state}`)).toEqual(['inbox queued', 'inbox delivered', 'email queued', 'email sending', 'email delivered']);
    expect(await db().selectFrom('job').select('id').where(sql<boolean>`payload->>'citizenId' = ${citizenId}`).execute()).toEqual([]);
  });

  test('every step run a second time changes nothing and sends nothing more', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000011' });
    const { messageId, citizenId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await drain();
    const paper = await person({ portalUser: false, digitalMailbox: { provider: 'digipost', address: 'x#1' } });
    const second = await saveLetter(db(), paper.nationalId, clock.now());
    await drain();
    const count = async () => (await sql<{ n: number }>`select count(*) as n from delivery_event`.execute(db())).rows[0]!.n;
    const before = { events: await count(), sms: rig().sms.requests.length, mailbox: rig().digitalMailbox.requests.length };
    const runtime = server().delivery;
    const notice = await db().selectFrom('notice').select('id').where('citizen_id', '=', citizenId).executeTakeFirstOrThrow();
    await runJobNow(deliverLetterHandler(runtime), { citizenId, messageId });
    await runJobNow(sendNoticeHandler(runtime), { citizenId, noticeId: notice.id });
    await runJobNow(sendDigitalMailboxHandler(runtime), { citizenId: second.citizenId, messageId: second.messageId });
    await runJobNow(printLetterHandler(runtime), { citizenId: second.citizenId, messageId: second.messageId });
    await runJobNow(unreadFallbackHandler(runtime), { citizenId, messageId });
    expect({ events: await count(), sms: rig().sms.requests.length, mailbox: rig().digitalMailbox.requests.length }).toEqual(before);
  });

  test('the sweeper finds a letter whose job was lost and queues it again', async () => {
    const citizen = await person({ portalUser: true, mobile: '+4791000012' });
    const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
    await db().deleteFrom('job').where(sql<boolean>`payload->>'messageId' = ${messageId}`).execute();
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'queued' });
    expect(await sweepDelivery(server().delivery, 10 * minute)).toMatchObject({ plans: 0 });
    clock.advance(11 * minute);
    expect(await sweepDelivery(server().delivery, 10 * minute)).toMatchObject({ plans: 1 });
    await drain();
    expect(await attempts(messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
  });

  test('an important letter left unopened goes on paper after 4 Oslo days, at the same wall-clock time across the change to summer time, once', async () => {
    clock.set('2026-03-27T09:00:00Z'); // Friday 10:00 in Oslo (UTC+1)
    const citizen = await person({ portalUser: true, mobile: '+4791000013', digitalMailbox: { provider: 'digipost', address: 'y#1' } });
    const unread = await saveLetter(db(), citizen.nationalId, clock.now(), { important: true });
    const readLetter = await saveLetter(db(), citizen.nationalId, clock.now(), { important: true });
    const routine = await saveLetter(db(), citizen.nationalId, clock.now());
    await drain();
    await new CitizenInbox(db(), citizen.citizenId).open(readLetter.messageId, clock.now());

    clock.set('2026-03-31T07:59:59Z'); // Tuesday 09:59:59 in Oslo (UTC+2): 95 real hours minus a second
    await drain();
    expect(await attempts(unread.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
    clock.set('2026-03-31T08:00:00Z'); // 10:00 in Oslo
    await drain();
    expect(await attempts(unread.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered', 'digital-mailbox': 'delivered' });
    expect((await events(unread.messageId)).find((event) => event.channel === 'digital-mailbox')!.detail).toBe('after inbox: unread after 4 days');
    expect(await attempts(readLetter.messageId)).toEqual({ inbox: 'read', sms: 'delivered' });
    expect(await attempts(routine.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });

    clock.advance(10 * 24 * 60 * minute);
    await drain();
    expect(await attempts(unread.messageId)).not.toHaveProperty('paper');
  });

  test('an SMS due at night waits until 08:00 Oslo time, also the night the clocks go back; e-mail goes at once', async () => {
    clock.set('2026-10-24T20:30:00Z'); // Saturday 22:30 in Oslo (UTC+2)
    const sms = await person({ portalUser: true, mobile: '+4791000014' });
    const email = await person({ portalUser: true, email: 'natt@example.test' });
    const first = await saveLetter(db(), sms.nationalId, clock.now());
    await saveLetter(db(), email.nationalId, clock.now());
    await drain();
    expect(mailsTo('natt@example.test')).toHaveLength(1);
    expect(smsTo('+4791000014')).toHaveLength(0);
    clock.set('2026-10-25T06:59:59Z'); // 07:59:59 in Oslo, now UTC+1
    await drain();
    expect(smsTo('+4791000014')).toHaveLength(0);
    clock.set('2026-10-25T07:00:00Z'); // 08:00 in Oslo
    await drain();
    expect(smsTo('+4791000014')).toHaveLength(1);
    expect(await attempts(first.messageId)).toEqual({ inbox: 'delivered', sms: 'delivered' });
  });

  test('no notice sent in this file carried health content', () => {
    const texts = [...rig().sms.requests.map((request) => String(request.body.text)), ...rig().smtp.mails.flatMap((mail) => [mail.subject, mail.text])];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      for (const word of healthWords) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    }
  });
});
