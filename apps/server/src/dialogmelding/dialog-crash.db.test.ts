/**
 * Nothing is lost and nothing stored twice when the Dialogmelding consumer dies. A
 * sender puts its messages on Innboks's queue (the real RabbitMQ); consumer processes
 * (apps/server/src/dialog-main.ts) on a real PostgreSQL are killed with SIGKILL at
 * random moments while they work through them; then one finishes. Afterwards every
 * message is one letter, and every AppRec for a message — sent again when a consumer
 * died between sending and settling — is the same receipt.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432) and RabbitMQ with AMQP 1.0.
 * Scale: DIALOG_CRASH_MESSAGES (default 1,000) and DIALOG_CRASH_KILLS (default 20), the
 * issue's figures: about a minute on the two-core machine since the CMS work is asn1.js's
 * (it took five with pkijs); smaller ones for a quick run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { systemClock } from '@innboks/core';
import { AmqpLink, dialogIdentifierSystem, DialogSenderClient, sampleDialogMessage, signThenEncrypt, writeDialogMessage } from '@innboks/dialogmelding';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { deleteQueues, randomHerId } from '../testing/dialog-rig.ts';
import { seedDemoData } from '../demo/seed.ts';
import { demoCitizens, demoSenders } from '../demo/demo-data.ts';
import { addStandInParty, ensureStandInRegister, StandInAddressRegister } from './address-register.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const amqpUrl = process.env.INNBOKS_AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672';
const messageCount = Number(process.env.DIALOG_CRASH_MESSAGES ?? 1_000);
const killCount = Number(process.env.DIALOG_CRASH_KILLS ?? 20);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Dialogmelding consumers killed with SIGKILL mid-message, on PostgreSQL and the real RabbitMQ', () => {
  const children = new Set<ChildProcess>();
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test(`${messageCount} messages, ${killCount} kills: every message one letter, no duplicates, each AppRec the same every time`, { timeout: 600_000 }, async () => {
    database = await createTestDatabase('postgres', { adminUrl });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-dialog-crash-'));
    await seedDemoData({ db: database.db, dataDir, baseUrl: 'http://localhost', clock: systemClock });
    const innboksHerId = randomHerId();
    const senderHerId = randomHerId();
    const registerDir = path.join(dataDir, 'dev', 'dialogmelding');
    await ensureStandInRegister(registerDir, innboksHerId);
    const hospital = demoSenders.find((sender) => sender.kind === 'hospital')!;
    const senderKeys = await addStandInParty(registerDir, { herId: senderHerId, name: hospital.name, organisationNumber: hospital.organizationNumber });
    const innboks = (await (await StandInAddressRegister.open(registerDir)).party(innboksHerId))!;

    const link = await AmqpLink.connect(amqpUrl);
    const client = new DialogSenderClient(link, { herId: senderHerId, keys: senderKeys }, { herId: innboksHerId, certificatePem: innboks.certificatePem });
    const receipts = new Map<string, string[]>();
    const listener = client.onAsync((item) => {
      if (item.kind !== 'apprec') return;
      receipts.set(item.appRec.original.msgId, [...(receipts.get(item.appRec.original.msgId) ?? []), JSON.stringify(item.appRec)]);
    });

    const started = Date.now();
    const msgIds: string[] = [];
    for (let index = 0; index < messageCount; index++) {
      const message = sampleDialogMessage({
        sender: { name: hospital.name, herId: senderHerId, organisationNumber: hospital.organizationNumber },
        receiver: { name: 'Helsenorge Innboks', herId: innboksHerId },
        nationalId: demoCitizens[index % demoCitizens.length]!.nationalId,
      });
      msgIds.push(message.msgId);
      await client.send('', { body: await signThenEncrypt(new TextEncoder().encode(writeDialogMessage(message)), senderKeys, innboks.certificatePem) });
    }

    const env = { ...process.env, DATABASE_URL: database.url, INNBOKS_DATA_DIR: dataDir, INNBOKS_HER_ID: innboksHerId, INNBOKS_AMQP_URL: amqpUrl, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '4', METRICS_PORT: '0' };
    const startConsumer = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/dialog-main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.add(child);
        let output = '';
        const timer = setTimeout(() => reject(new Error(`consumer did not start:\n${output}`)), 60_000);
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listening')) {
            clearTimeout(timer);
            resolve(child);
          }
        };
        child.stdout!.on('data', collect);
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', () => children.delete(child));
      });

    let kills = 0;
    let killsWithWorkLeft = 0;
    while (kills < killCount) {
      const child = await startConsumer();
      await sleep(150 + Math.random() * 600);
      if (receipts.size < messageCount) killsWithWorkLeft++;
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      kills++;
    }
    const last = await startConsumer();
    const until = Date.now() + 300_000;
    while (receipts.size < messageCount && Date.now() < until) await sleep(200);
    await sleep(1000); // a receipt sent twice arrives a moment later
    last.kill('SIGTERM');
    listener.close();
    await link.close();

    const stored = await database.db
      .selectFrom('message')
      .select(({ fn }) => [fn.countAll<number>().as('letters'), fn.count<number>('identifier_value').distinct().as('distinct')])
      .where('identifier_system', '=', dialogIdentifierSystem(senderHerId))
      .executeTakeFirstOrThrow();
    const lost = msgIds.length - Number(stored.distinct);
    const duplicates = Number(stored.letters) - Number(stored.distinct);
    const withoutReceipt = msgIds.filter((msgId) => !receipts.has(msgId)).length;
    const differingReceipts = [...receipts.values()].filter((copies) => new Set(copies).size > 1).length;
    const repeatedReceipts = [...receipts.values()].filter((copies) => copies.length > 1).length;
    console.log(
      `dialog crash run: ${messageCount} messages, ${kills} kills (${killsWithWorkLeft} with messages left), ${Number(stored.distinct)} letters, ${lost} lost, ${duplicates} duplicates, ` +
        `${withoutReceipt} without AppRec, ${repeatedReceipts} AppRecs sent again (${differingReceipts} differing), ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await deleteQueues([`${innboksHerId}_async`, `${innboksHerId}_error`, `${innboksHerId}_dl`, `${senderHerId}_async`, `${senderHerId}_error`]);

    expect(kills).toBeGreaterThanOrEqual(killCount);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(withoutReceipt).toBe(0);
    expect(differingReceipts).toBe(0);
  });
});
