/**
 * A test server with the Dialogmelding door open on the real RabbitMQ, and a sender
 * system talking to it over its own AMQP connection. HER-ids are random per rig, so
 * parallel runs on the shared broker never read each other's queues; the queues are
 * deleted again at the end.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AmqpLink, DialogSenderClient, sampleDialogMessage, type AmqpMessage, type DialogMessage, type Received } from '@innboks/dialogmelding';
import type { Letter, LetterAnswerSent } from '@innboks/contracts';
import { addStandInParty } from '../dialogmelding/address-register.ts';
import { startDialogDoor, type DialogDoor } from '../dialogmelding/dialog-door.ts';
import { asyncQueue, deadLetterQueue, errorQueue } from '../dialogmelding/intake.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from './cookie-jar.ts';
import type { TestDatabaseKind } from './test-database.ts';

export interface DialogRig {
  server: TestServer;
  door: DialogDoor;
  client: DialogSenderClient;
  senderHerId: string;
  received: Received[];
  errors: AmqpMessage[];
  /** A Notat (or Foresporsel) from the rig's sender to Innboks about the first demo citizen. */
  message(overrides?: Partial<DialogMessage> & { kind?: 'notat' | 'foresporsel' }): DialogMessage;
  appRecFor(msgId: string, timeoutMs?: number): Promise<Extract<Received, { kind: 'apprec' }>>;
  /** The Dialogmeldinger Innboks sent the rig's sender (citizens' answers) that answer `msgId` (their ConversationRef/RefToParent), as many as `count`. */
  answersTo(msgId: string, count?: number, timeoutMs?: number): Promise<Extract<Received, { kind: 'message' }>[]>;
  /** The first demo citizen, logged in through the test login page (once per rig). */
  citizen(): Promise<CookieJar>;
  /** The citizen's view of a thread, through the citizen web API. */
  letter(threadId: string): Promise<Letter>;
  /** The citizen answers in a thread through the citizen web API; answers the HTTP status and body. */
  answer(threadId: string, text: string): Promise<{ status: number; body: LetterAnswerSent & { title?: string; detail?: string } }>;
  errorFor(amqpMessageId: string, timeoutMs?: number): Promise<AmqpMessage>;
  close(): Promise<void>;
}

export const randomHerId = () => String(700_000_000 + Math.floor(Math.random() * 99_999_999));

export async function waitFor<T>(find: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startDialogRig(kind: TestDatabaseKind, options: { autoWorker?: boolean } = {}): Promise<DialogRig> {
  const innboksHerId = randomHerId();
  const server = await startTestServer(kind, { env: { INNBOKS_HER_ID: innboksHerId }, ...(options.autoWorker ? { autoWorker: true } : {}) });
  const door = await startDialogDoor({ config: server.config, db: server.database.db, clock: server.clock, population: server.delivery.adapters.populationRegister, onLetterSaved: () => server.worker.wake() });
  if ('off' in door) throw new Error(`These tests need RabbitMQ with AMQP 1.0 (rabbitmq-plugins enable rabbitmq_amqp1_0): ${door.off}`);

  const hospital = server.senders.find((sender) => sender.kind === 'hospital')!;
  const senderHerId = randomHerId();
  // In the register's files (the answer job reads them) and in the door's register, which read them at start.
  const keys = await addStandInParty(server.config.dialogmelding.addressRegisterDir, { herId: senderHerId, name: hospital.name, organisationNumber: hospital.organizationNumber });
  door.register.register({ herId: senderHerId, name: hospital.name, organisationNumber: hospital.organizationNumber, certificatePem: keys.certificatePem });
  const innboks = (await door.register.party(innboksHerId))!;
  const senderLink = await AmqpLink.connect(server.config.dialogmelding.amqpUrl!);
  const client = new DialogSenderClient(senderLink, { herId: senderHerId, keys }, { herId: innboksHerId, certificatePem: innboks.certificatePem });
  const received: Received[] = [];
  const errors: AmqpMessage[] = [];
  const listeners = [client.onAsync((item) => received.push(item)), client.onError((item) => errors.push(item))];
  let jar: Promise<CookieJar> | undefined;
  const citizen = () => (jar ??= loginAsCitizen(server.baseUrl, server.citizens[0]!.nationalId));

  return {
    server,
    door,
    client,
    senderHerId,
    received,
    errors,
    message: (overrides = {}) => {
      const { kind: messageKind, ...rest } = overrides;
      return {
        ...sampleDialogMessage({
          sender: { name: hospital.name, herId: senderHerId, organisationNumber: hospital.organizationNumber, department: { name: 'Ortopedisk poliklinikk', herId: undefined } },
          receiver: { name: 'Helsenorge Innboks', herId: innboksHerId },
          nationalId: server.citizens[0]!.nationalId,
          kind: messageKind ?? 'notat',
        }),
        ...rest,
      };
    },
    appRecFor: (msgId, timeoutMs = 15_000) =>
      waitFor(() => received.find((item): item is Extract<Received, { kind: 'apprec' }> => item.kind === 'apprec' && item.appRec.original.msgId === msgId), timeoutMs, `the AppRec for ${msgId}`),
    answersTo: (msgId, count = 1, timeoutMs = 15_000) =>
      waitFor(
        () => {
          const found = received.filter((item): item is Extract<Received, { kind: 'message' }> => item.kind === 'message' && item.message.conversationRef?.refToParent === msgId);
          return found.length >= count ? found : undefined;
        },
        timeoutMs,
        `${count} answer(s) to ${msgId}`,
      ),
    citizen,
    letter: async (threadId) => {
      const response = await (await citizen()).fetch(`${server.baseUrl}/api/letters/${threadId}`);
      if (response.status !== 200) throw new Error(`GET /api/letters/${threadId}: ${response.status}`);
      return (await response.json()) as Letter;
    },
    answer: async (threadId, text) => {
      const session = await citizen();
      const response = await session.fetch(`${server.baseUrl}/api/letters/${threadId}/answers`, { method: 'POST', headers: csrfHeaders(session), body: JSON.stringify({ text }) });
      return { status: response.status, body: (await response.json()) as LetterAnswerSent };
    },
    errorFor: (amqpMessageId, timeoutMs = 15_000) => waitFor(() => errors.find((item) => item.properties.originalMessageId === amqpMessageId), timeoutMs, `an error report for ${amqpMessageId}`),
    close: async () => {
      for (const listener of listeners) listener.close();
      await door.stop();
      await senderLink.close();
      await server.close();
      await deleteQueues([asyncQueue(innboksHerId), errorQueue(innboksHerId), deadLetterQueue(innboksHerId), asyncQueue(senderHerId), errorQueue(senderHerId)]);
    },
  };
}

/** Best effort: the broker's own tool removes a test's queues (AMQP 1.0 on RabbitMQ 3 cannot delete a queue). */
export async function deleteQueues(queues: string[]): Promise<void> {
  await Promise.all(queues.map((queue) => promisify(execFile)('rabbitmqctl', ['-q', 'delete_queue', queue]).catch(() => undefined)));
}
