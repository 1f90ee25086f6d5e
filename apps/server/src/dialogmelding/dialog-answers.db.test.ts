import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { appRecError, writeDialogMessage, type DialogMessage } from '@innboks/dialogmelding';
import type { Letter } from '@innboks/contracts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { startDialogRig, waitFor, type DialogRig } from '../testing/dialog-rig.ts';
import { sendDialogAnswerHandler } from '../jobs/send-dialog-answer.ts';

describe.each(testDatabaseKinds())('A citizen’s answer to a Dialogmelding question goes back over AMQP 1.0, on %s', (kind) => {
  let rig: DialogRig;
  const db = () => rig.server.database.db;

  beforeAll(async () => {
    rig = await startDialogRig(kind);
  });
  afterAll(async () => rig?.close());

  /** A Foresporsel (or Notat) from the rig's hospital, taken in; answers it and its thread. */
  async function letterIn(kind: 'foresporsel' | 'notat' = 'foresporsel'): Promise<{ question: DialogMessage; threadId: string }> {
    const question = rig.message({ kind });
    await rig.client.send(writeDialogMessage(question));
    expect((await rig.appRecFor(question.msgId)).appRec.status).toBe('1');
    const row = await db().selectFrom('message').select('thread_id').where('identifier_value', '=', question.msgId).executeTakeFirstOrThrow();
    return { question, threadId: row.thread_id };
  }

  const answerIn = (letter: Letter, messageId: string) => letter.messages.find((message) => message.id === messageId);
  const stateOf = async (threadId: string, messageId: string, state: string) =>
    waitFor(async () => {
      const shown = answerIn(await rig.letter(threadId), messageId)?.carried;
      return shown?.state === state ? shown : undefined;
    }, 15_000, `the answer ${state}`);

  test('an answer to a Foresporsel reaches the hospital signed and encrypted, joined to the question, about the citizen, and its AppRec 1 shows it delivered', async () => {
    const { question, threadId } = await letterIn();
    expect((await rig.letter(threadId)).answerable).toBe(true);

    const sent = await rig.answer(threadId, 'Nei, kneet er mye bedre nå. Takk for at dere spør.');
    expect(sent.status).toBe(201);
    const saved = answerIn(await rig.letter(threadId), sent.body.messageId);
    expect(saved).toMatchObject({ direction: 'from-citizen', text: ['Nei, kneet er mye bedre nå. Takk for at dere spør.'], carried: { state: 'sending', errors: [] } });

    await rig.server.worker.drain();
    // Read from the hospital's own queue, decrypted with its key and verified against Innboks's certificate.
    const [received] = await rig.answersTo(question.msgId);
    expect(received!.transport.properties).toMatchObject({ fromHerId: rig.door.herId, toHerId: rig.senderHerId });
    expect(received!.message).toMatchObject({
      type: 'DIALOG_SVAR',
      msgId: sent.body.messageId,
      conversationRef: { refToParent: question.msgId, refToConversation: question.msgId },
      sender: { herId: rig.door.herId },
      receiver: { herId: rig.senderHerId, name: question.sender.name, department: { name: 'Ortopedisk poliklinikk' } },
      patient: { nationalId: rig.server.citizens[0]!.nationalId },
      body: { kind: 'notat', topic: question.body.topic, text: 'Nei, kneet er mye bedre nå. Takk for at dere spør.' },
    });

    await rig.client.sendAppRec(received!.message, '1');
    expect(await stateOf(threadId, sent.body.messageId, 'delivered')).toEqual({ state: 'delivered', errors: [] });
    const page = await (await fetch(`${rig.server.baseUrl}/dev/delivery`)).text();
    expect(page).toContain(`<td>ut</td><td>${rig.senderHerId}</td><td>DIALOG_SVAR</td><td>${sent.body.messageId}</td><td>${sent.body.messageId}</td><td>1</td>`);
  });

  test('an AppRec 2 shows the answer rejected with the hospital’s error code and text', async () => {
    const { question, threadId } = await letterIn();
    const sent = await rig.answer(threadId, 'Det gjør fortsatt litt vondt om morgenen.');
    await rig.server.worker.drain();
    const [received] = await rig.answersTo(question.msgId);
    await rig.client.sendAppRec(received!.message, '2', [appRecError('patientNotFound', 'pasienten er ikke registrert hos oss')]);
    const shown = await stateOf(threadId, sent.body.messageId, 'rejected');
    expect(shown.errors).toEqual([{ code: 'E35', description: 'Pasienten finnes ikke i mottakersystemet', details: 'pasienten er ikke registrert hos oss' }]);
  });

  test('the answer job run twice sends the same message both times, same MsgId and same content; once its AppRec has come, nothing more is sent', async () => {
    const { question, threadId } = await letterIn();
    const sent = await rig.answer(threadId, 'Ja, jeg kommer gjerne til kontroll.');
    const send = sendDialogAnswerHandler(rig.server.delivery);
    const payload = { citizenId: (await db().selectFrom('message').select('citizen_id').where('id', '=', sent.body.messageId).executeTakeFirstOrThrow()).citizen_id, messageId: sent.body.messageId };
    await send(payload);
    await send(payload);
    const twice = await rig.answersTo(question.msgId, 2);
    expect(twice.map((item) => item.message.msgId)).toEqual([sent.body.messageId, sent.body.messageId]);
    expect(twice[1]!.xml).toBe(twice[0]!.xml);

    await rig.client.sendAppRec(twice[0]!.message, '1');
    await stateOf(threadId, sent.body.messageId, 'delivered');
    await send(payload);
    await rig.server.worker.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rig.received.filter((item) => item.kind === 'message' && item.message.msgId === sent.body.messageId)).toHaveLength(2);
  });

  test('a Notat’s thread takes no answer: 409, and nothing is saved or sent', async () => {
    const { threadId } = await letterIn('notat');
    expect((await rig.letter(threadId)).answerable).toBe(false);
    const before = (await rig.letter(threadId)).messages.length;
    const refused = await rig.answer(threadId, 'Takk for brevet.');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('ikke stilt et spørsmål');
    expect((await rig.letter(threadId)).messages).toHaveLength(before);
  });

  test('an empty answer is refused naming the field', async () => {
    const { threadId } = await letterIn();
    const refused = await rig.answer(threadId, '   ');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('"field":"text"');
  });

  test('without the hospital’s certificate in the address register the job fails with that reason and keeps the answer; with it back, the answer goes', async () => {
    const { question, threadId } = await letterIn();
    const partiesFile = path.join(rig.server.config.dialogmelding.addressRegisterDir, 'parties.json');
    const parties = await readFile(partiesFile, 'utf8');
    await writeFile(partiesFile, JSON.stringify((JSON.parse(parties) as { herId: string }[]).filter((party) => party.herId !== rig.senderHerId)));
    const sent = await rig.answer(threadId, 'Svar som må vente.');
    await rig.server.worker.drain();
    const job = await db().selectFrom('job').selectAll().where('kind', '=', 'send-dialog-answer').where(sql<string>`payload->>'messageId'`, '=', sent.body.messageId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    expect(job.last_error).toContain(`HER-id ${rig.senderHerId} has no certificate in the address register`);
    expect(answerIn(await rig.letter(threadId), sent.body.messageId)?.carried?.state).toBe('sending');

    await writeFile(partiesFile, parties);
    await db().updateTable('job').set({ run_at: new Date() }).where('id', '=', job.id).execute();
    await rig.server.worker.drain();
    const [received] = await rig.answersTo(question.msgId);
    expect(received!.message.msgId).toBe(sent.body.messageId);
  });

  test('an AppRec for a message Innboks never sent goes back on the hospital’s error queue', async () => {
    const { question } = await letterIn();
    const stranger = { ...question, msgId: 'ukjent-melding' };
    await rig.client.sendAppRec(stranger, '1');
    const report = await waitFor(() => rig.errors.find((item) => item.properties.errorDescription?.includes('ukjent-melding')), 15_000, 'the error report');
    expect(report.properties.errorCondition).toBe('transport:invalid-field-value');
  });
});
