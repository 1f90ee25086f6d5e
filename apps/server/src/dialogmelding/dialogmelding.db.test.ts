import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { makeTestCertificate, signThenEncrypt, writeDialogMessage } from '@innboks/dialogmelding';
import { syntheticNationalId } from '@innboks/core';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { dataFingerprint } from '../testing/municipal.ts';
import { startDialogRig, waitFor, type DialogRig } from '../testing/dialog-rig.ts';
import { AmqpLink } from '@innboks/dialogmelding';
import { deadLetterQueue } from './intake.ts';
import { minimalPdf } from '../demo/minimal-pdf.ts';
import { deadLetterCommand } from '../cli/dead-letters.ts';
import { DialogExchanges } from '@innboks/db';
import { maxDeliveries } from './dialog-door.ts';


describe.each(testDatabaseKinds())('Dialogmelding over AMQP 1.0 on the real RabbitMQ, on %s', (kind) => {
  let rig: DialogRig;
  const db = () => rig.server.database.db;
  const lettersWith = (msgId: string) =>
    db().selectFrom('message').select(['id', 'thread_id', 'kind', 'subject', 'sender_name', 'citizen_id']).where('identifier_value', '=', msgId).execute();

  beforeAll(async () => {
    rig = await startDialogRig(kind);
  });
  afterAll(async () => rig?.close());

  test('a Notat reaches the citizen’s inbox as a letter from the department, and the sender gets AppRec status 1 after it is stored', async () => {
    const message = rig.message();
    await rig.client.send(writeDialogMessage(message));
    const receipt = await rig.appRecFor(message.msgId);
    expect(receipt.appRec).toMatchObject({ status: '1', errors: [], receiver: { herId: rig.senderHerId }, original: { msgType: 'DIALOG_NOTAT', msgId: message.msgId } });
    const [letter] = await lettersWith(message.msgId);
    expect(letter).toMatchObject({ kind: 'letter', subject: 'Svar på blodprøver', sender_name: 'Ortopedisk poliklinikk' });
    const citizen = await db().selectFrom('citizen').select('national_id').where('id', '=', letter!.citizen_id).executeTakeFirstOrThrow();
    expect(citizen.national_id).toBe(rig.server.citizens[0]!.nationalId);
    const thread = await db().selectFrom('thread').select('category').where('id', '=', letter!.thread_id).executeTakeFirstOrThrow();
    expect(thread.category).toBe('hospital');
    const delivery = await db().selectFrom('delivery_attempt').select('channel').where('message_id', '=', letter!.id).execute();
    expect(delivery.map((attempt) => attempt.channel)).toContain('inbox');
  });

  test('the same message twice stores one letter and answers the same AppRec both times', async () => {
    const message = rig.message();
    const xml = writeDialogMessage(message);
    await rig.client.send(xml);
    await rig.client.send(xml);
    await waitFor(() => (rig.received.filter((item) => item.kind === 'apprec' && item.appRec.original.msgId === message.msgId).length === 2 ? true : undefined), 15_000, 'two receipts');
    const receipts = rig.received.filter((item) => item.kind === 'apprec' && item.appRec.original.msgId === message.msgId);
    expect(new Set(receipts.map((item) => (item.kind === 'apprec' ? JSON.stringify(item.appRec) : '')))).toHaveProperty('size', 1);
    expect(await lettersWith(message.msgId)).toHaveLength(1);
  });

  test('a Foresporsel is a message in the inbox, and a reply naming it by ConversationRef joins its thread', async () => {
    const question = rig.message({ kind: 'foresporsel' });
    await rig.client.send(writeDialogMessage(question));
    expect((await rig.appRecFor(question.msgId)).appRec.status).toBe('1');
    const follow = rig.message({ conversationRef: { refToParent: question.msgId, refToConversation: question.msgId } });
    await rig.client.send(writeDialogMessage(follow));
    expect((await rig.appRecFor(follow.msgId)).appRec.status).toBe('1');
    const [first] = await lettersWith(question.msgId);
    const [second] = await lettersWith(follow.msgId);
    expect(first!.kind).toBe('message');
    expect(second!.thread_id).toBe(first!.thread_id);
  });

  test('a PDF in RefDoc becomes the letter’s attachment', async () => {
    const message = rig.message({ attachments: [{ description: 'Epikrise', mimeType: 'application/pdf', data: minimalPdf(['Epikrise']) }] });
    await rig.client.send(writeDialogMessage(message));
    expect((await rig.appRecFor(message.msgId)).appRec.status).toBe('1');
    const [letter] = await lettersWith(message.msgId);
    const attachments = await db().selectFrom('attachment').select(['title', 'content_type']).where('message_id', '=', letter!.id).execute();
    expect(attachments).toEqual([{ title: 'Epikrise', content_type: 'application/pdf' }]);
  });

  describe('rejections: AppRec status 2 with a code, and nothing stored', () => {
    test.each([
      ['an unknown citizen', 'E35', (rig: DialogRig) => rig.message({ patient: { nationalId: syntheticNationalId('1961-03-03', 123) } })],
      ['a wrong national id', 'E31', (rig: DialogRig) => rig.message({ patient: { nationalId: '12345678901' } })],
      ['an attachment that is not what it says', 'T02', (rig: DialogRig) => rig.message({ attachments: [{ description: 'x', mimeType: 'application/pdf', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) }] })],
      ['text with bidirectional control characters in the subject', 'T02', (rig: DialogRig) => rig.message({ body: { kind: 'notat', topic: 'Svar \u202Efdp.exe', text: 'x' } })],
      ['another receiver than Innboks', 'E21', (rig: DialogRig) => rig.message({ receiver: { name: 'Noen andre', herId: '1' } })],
    ])('%s is refused with %s', async (_name, code, make) => {
      // The letters of earlier tests are still being delivered in the background: let
      // that finish first, so the fingerprint only sees what this message does.
      await rig.server.worker.drain();
      const before = await dataFingerprint(db());
      const message = make(rig);
      await rig.client.send(writeDialogMessage(message));
      const receipt = await rig.appRecFor(message.msgId);
      expect(receipt.appRec.status).toBe('2');
      expect(receipt.appRec.errors.map((error) => error.code)).toEqual([code]);
      expect(await dataFingerprint(db())).toBe(before);
    });

    test('a message missing a required element is refused with T02 naming the element', async () => {
      const message = rig.message();
      await rig.client.send(writeDialogMessage(message).replace(/<Tema>.*<\/Tema>/, ''));
      const receipt = await rig.appRecFor(message.msgId);
      expect(receipt.appRec).toMatchObject({ status: '2', errors: [{ code: 'T02' }] });
      expect(await lettersWith(message.msgId)).toHaveLength(0);
    });

    test('a message signed with another certificate than the registered one is refused with S02', async () => {
      const stranger = await makeTestCertificate('Ukjent');
      const message = rig.message();
      const body = await signThenEncrypt(new TextEncoder().encode(writeDialogMessage(message)), stranger, rig.client.innboks.certificatePem);
      await rig.client.send('', { body });
      const receipt = await rig.appRecFor(message.msgId);
      expect(receipt.appRec).toMatchObject({ status: '2', errors: [{ code: 'S02' }] });
      expect(await lettersWith(message.msgId)).toHaveLength(0);
    });
  });

  describe('transport errors on <sender>_error, with errorCondition', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE MsgHead [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><MsgHead>&xxe;</MsgHead>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><MsgHead>&j;</MsgHead>`;
    test.each([
      ['an external entity (XXE)', external, 'transport:not-well-formed-xml'],
      ['a billion laughs', laughs, 'transport:not-well-formed-xml'],
      ['text that is not XML', 'Dette er ikke XML', 'transport:not-well-formed-xml'],
    ])('%s is reported as %s and stores nothing', async (_name, xml, condition) => {
      await rig.server.worker.drain();
      const before = await dataFingerprint(db());
      const id = await rig.client.send(xml);
      const report = await rig.errorFor(id);
      expect(report.properties).toMatchObject({ errorCondition: condition, originalMessageId: id });
      expect(await dataFingerprint(db())).toBe(before);
    });

    test('a MsgHead whose sender is not the transport sender is reported and never stored', async () => {
      const message = rig.message({ sender: { name: 'Noen andre', herId: '1234567', organisationNumber: rig.message().sender.organisationNumber } });
      const id = await rig.client.send(writeDialogMessage(message));
      expect((await rig.errorFor(id)).properties).toMatchObject({ errorCondition: 'transport:invalid-field-value' });
      expect(await lettersWith(message.msgId)).toHaveLength(0);
    });

    test('bytes that are not CMS, and a message encrypted to someone else, are reported', async () => {
      const plain = await rig.client.send('', { body: new TextEncoder().encode(writeDialogMessage(rig.message())) });
      expect((await rig.errorFor(plain)).properties.errorCondition).toBe('transport:invalid-field-value');
      const other = await makeTestCertificate('Feil mottaker');
      const body = await signThenEncrypt(new TextEncoder().encode(writeDialogMessage(rig.message())), rig.client.sender.keys, other.certificatePem);
      const misaddressed = await rig.client.send('', { body });
      expect((await rig.errorFor(misaddressed)).properties.errorCondition).toBe('transport:unverified-certificate');
    });
  });

  test(`a message that fails for an unknown reason is retried and after ${maxDeliveries} deliveries moved to the dead-letter queue`, async () => {
    // A real fault: the database refuses this one letter's insert.
    await sql`create or replace function refuse_dialog_test_letter() returns trigger language plpgsql as $$ begin if new.subject = 'Feiler alltid' then raise exception 'disk on fire'; end if; return new; end $$`.execute(db());
    await sql`create trigger refuse_dialog_test_letter before insert on message for each row execute function refuse_dialog_test_letter()`.execute(db());
    const message = rig.message({ body: { kind: 'notat', topic: 'Feiler alltid', text: 'x' } });
    const id = await rig.client.send(writeDialogMessage(message));
    const dead = await waitFor(
      async () => {
        const row = await db().selectFrom('dialog_failure').selectAll().where('transport_message_id', '=', id).executeTakeFirst();
        return row?.dead_lettered_at ? row : undefined;
      },
      30_000,
      'the message dead-lettered',
    );
    expect(dead.deliveries).toBe(maxDeliveries);
    expect(dead.last_error).toContain('disk on fire');
    const link = await AmqpLink.connect(rig.server.config.dialogmelding.amqpUrl!);
    const deadLettered = await new Promise<string>((resolve) => link.consume(deadLetterQueue(rig.door.herId), (item, settlement) => {
      settlement.accept();
      if (item.messageId === id) resolve(item.properties.deliveries ?? '');
    }));
    await link.close();
    expect(deadLettered).toBe(String(maxDeliveries));
    expect(await lettersWith(message.msgId)).toHaveLength(0);
    await sql`drop trigger refuse_dialog_test_letter on message`.execute(db());

    const listed: string[] = [];
    await deadLetterCommand(['list'], rig.server.delivery.store, rig.server.clock, (line) => listed.push(line), new DialogExchanges(db()));
    expect(listed.join('\n')).toContain(`message-id ${id}  ${maxDeliveries} deliveries  — `);
    const page = await (await fetch(`${rig.server.baseUrl}/dev/delivery`)).text();
    expect(page).toContain('Dialogmelding over AMQP');
    expect(page).toContain(id);
  });

  test('the dev delivery page lists the messages in with their AppRec', async () => {
    const message = rig.message();
    await rig.client.send(writeDialogMessage(message));
    await rig.appRecFor(message.msgId);
    const page = await (await fetch(`${rig.server.baseUrl}/dev/delivery`)).text();
    expect(page).toMatch(new RegExp(`<td>inn</td><td>${rig.senderHerId}</td><td>DIALOG_NOTAT</td><td>${message.msgId}</td><td>[0-9a-f-]{36}</td><td>1</td>`));
  });
});

