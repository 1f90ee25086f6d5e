/**
 * `npm run bench -- --only dialogmelding`: Dialogmelding intake over AMQP 1.0 on the
 * local RabbitMQ — decrypt, verify, read, store the letter, sign and encrypt the
 * AppRec and send it — beside its ceiling measured in the same run: the same messages
 * only decrypted and verified. The consumer runs in this process with its CMS worker
 * threads, as the server's door does (INNBOKS_DIALOG_CMS_THREADS passes through). The
 * sender's messages are sealed before the clock starts, and offered at a fixed rate
 * after a warm-up that is not counted; latency is from a message's send to its AppRec
 * reaching the sender's queue (matched by the AppRec's message-id, which follows from
 * the MsgId, so the sender does not need to decrypt to measure).
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { systemClock } from '@innboks/core';
import { openDatabase } from '@innboks/db';
import { AmqpLink, appRecIdFor, decryptThenVerify, readDialogMessage, sampleDialogMessage, signThenEncrypt, writeDialogMessage } from '@innboks/dialogmelding';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createDeliveryRuntime } from '../../apps/server/src/delivery/delivery-runtime.ts';
import { startDialogDoor } from '../../apps/server/src/dialogmelding/dialog-door.ts';
import { addStandInParty, ensureStandInRegister, StandInAddressRegister } from '../../apps/server/src/dialogmelding/address-register.ts';
import { deleteQueues, randomHerId } from '../../apps/server/src/testing/dialog-rig.ts';
import { demoCitizens, demoSenders } from '../../apps/server/src/demo/demo-data.ts';
import type { Benchmark, Figure } from '../lib/context.ts';
import { Latencies, round } from '../lib/stats.ts';
import { cpuSecondsBetween, namedProcessesCpu, namedProcessesCpuSeconds } from '../lib/cpu.ts';

const messageCount = 1_500;
/** The rate the sender offers; INNBOKS_BENCH_DIALOG_RATE raises it to find where the door stops keeping up. */
const offeredPerSecond = Number(process.env.INNBOKS_BENCH_DIALOG_RATE ?? 350);
/**
 * Sent through the door before the clock starts and not counted: a server has been
 * running for longer than this benchmark, and a cold one spends its first seconds
 * compiling, on the consumer's thread and on each CMS worker thread alike.
 */
const warmUpCount = 400;

export const dialogmeldingIntake: Benchmark = {
  name: 'dialogmelding',
  description: 'Dialogmelding over AMQP: decrypt, verify, parse, store, AppRec out (msgs/s, p95 send→AppRec) vs decrypt+verify only',
  needsDataset: false,
  async run(context) {
    const innboksHerId = randomHerId();
    const senderHerId = randomHerId();
    const config = loadConfig({ DATABASE_URL: context.databaseUrl, INNBOKS_DATA_DIR: context.workDir, INNBOKS_HER_ID: innboksHerId, LOG_LEVEL: 'silent', ADDRESS_REGISTER_DIR: path.join(context.workDir, `dialog-${innboksHerId}`), INNBOKS_DIALOG_CMS_THREADS: process.env.INNBOKS_DIALOG_CMS_THREADS });
    const registerDir = config.dialogmelding.addressRegisterDir;
    await ensureStandInRegister(registerDir, innboksHerId);
    const hospital = demoSenders.find((sender) => sender.kind === 'hospital')!;
    const senderKeys = await addStandInParty(registerDir, { herId: senderHerId, name: hospital.name, organisationNumber: hospital.organizationNumber });
    const register = await StandInAddressRegister.open(registerDir);
    const innboksKeys = await register.keysOf(innboksHerId);

    // Sealed before any clock runs: the sender's work is not Innboks's.
    const sealed: { msgId: string; body: Uint8Array }[] = [];
    for (let index = 0; index < warmUpCount + messageCount; index++) {
      const message = sampleDialogMessage({
        sender: { name: hospital.name, herId: senderHerId, organisationNumber: hospital.organizationNumber, department: { name: 'Poliklinikken', herId: undefined } },
        receiver: { name: 'Helsenorge Innboks', herId: innboksHerId },
        nationalId: demoCitizens[index % demoCitizens.length]!.nationalId,
      });
      sealed.push({ msgId: message.msgId, body: await signThenEncrypt(new TextEncoder().encode(writeDialogMessage(message)), senderKeys, innboksKeys.certificatePem) });
    }
    const warmUp = sealed.splice(0, warmUpCount);

    // Ceiling: the same messages only decrypted, verified (and read), one after another.
    const ceilingStart = performance.now();
    const ceilingCpu = process.cpuUsage();
    for (const message of sealed) readDialogMessage(new TextDecoder().decode(await decryptThenVerify(message.body, innboksKeys, senderKeys.certificatePem)));
    const ceilingPerSecond = messageCount / ((performance.now() - ceilingStart) / 1000);
    const ceilingCpuMs = cpuMs(process.cpuUsage(ceilingCpu)) / messageCount;

    const handle = await openDatabase({ url: context.databaseUrl, poolSize: 16 });
    const door = await startDialogDoor({ config, db: handle.db, clock: systemClock, population: createDeliveryRuntime(handle.db, systemClock, config).adapters.populationRegister });
    if ('off' in door) throw new Error(`Dialogmelding over AMQP is off: ${door.off}`);
    const senderLink = await AmqpLink.connect(config.dialogmelding.amqpUrl!);
    const sentAt = new Map<string, number>();
    const byReceiptId = new Map(sealed.map((message) => [appRecIdFor(senderHerId, message.msgId), message.msgId]));
    const latencies = new Latencies();
    let lastReceipt = 0;
    const warmUpReceipts = new Set(warmUp.map((message) => appRecIdFor(senderHerId, message.msgId)));
    let warmedUp: () => void = () => {};
    const allWarmUpReceipts = new Promise<void>((resolve) => (warmedUp = resolve));
    const allReceipts = new Promise<void>((resolve) => {
      senderLink.consume(`${senderHerId}_async`, (message, settlement) => {
        settlement.accept();
        if (warmUpReceipts.delete(message.messageId)) {
          if (!warmUpReceipts.size) warmedUp();
          return;
        }
        const msgId = byReceiptId.get(message.messageId);
        const sent = msgId ? sentAt.get(msgId) : undefined;
        if (sent === undefined) return;
        lastReceipt = performance.now();
        latencies.add(lastReceipt - sent);
        sentAt.delete(msgId!);
        if (latencies.count === messageCount) resolve();
      }, 200);
    });
    try {
      await offer(senderLink, warmUp, { innboksHerId, senderHerId });
      await Promise.race([allWarmUpReceipts, new Promise((resolve) => setTimeout(resolve, 60_000))]);
      const profiler = await startProfile();
      const before = await machineCpu();
      const firstSend = performance.now();
      await offer(senderLink, sealed, { innboksHerId, senderHerId }, (message) => sentAt.set(message.msgId, performance.now()));
      await Promise.race([allReceipts, new Promise((resolve) => setTimeout(resolve, 120_000))]);
      const after = await machineCpu();
      await profiler?.stop();
      const answered = Math.max(latencies.count, 1);
      const perMessage = (key: 'bench' | 'postgres' | 'rabbitmq') => round((after[key] - before[key]) / answered, 2);
      // PostgreSQL is shared with other work on the host: its share here is the backends serving this database.
      const ownBackends = (await context.pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')).rows.map((row) => row.pid);
      const ownPostgres = round((cpuSecondsBetween(before.postgresByPid, after.postgresByPid, ownBackends) * 1000) / answered, 2);
      const perSecond = latencies.count / ((lastReceipt - firstSend) / 1000);
      const p95 = latencies.percentile(95);
      const figures: Figure[] = [
        { benchmark: 'dialogmelding', figure: 'msgs/s', ours: round(perSecond, 0), ceiling: round(ceilingPerSecond, 0), ratio: round(perSecond / ceilingPerSecond, 2), goal: '≥ 300', met: perSecond >= 300, note: `${latencies.count} of ${messageCount} answered, offered at ${offeredPerSecond}/s after ${warmUpCount} not counted` },
        {
          benchmark: 'dialogmelding',
          figure: 'CPU ms a message: consumer + sender · PostgreSQL (this database; all) · RabbitMQ',
          ours: `${perMessage('bench')} · ${ownPostgres}; ${perMessage('postgres')} · ${perMessage('rabbitmq')}`,
          ceiling: round(ceilingCpuMs, 2),
          note: "consumer and sender are this process; PostgreSQL: the backends of the benchmark's database, then all its processes (WAL writer and others' work on the host included); RabbitMQ: the broker, others' queues included",
        },
        { benchmark: 'dialogmelding', figure: 'p95 ms send→AppRec', ours: round(p95, 0), goal: '≤ 1000', met: p95 <= 1000, note: `p50 ${round(latencies.percentile(50), 0)} ms, p99 ${round(latencies.percentile(99), 0)} ms` },
      ];
      return figures;
    } finally {
      await door.stop();
      await senderLink.close();
      await handle.close();
      await deleteQueues([`${innboksHerId}_async`, `${innboksHerId}_error`, `${innboksHerId}_dl`, `${senderHerId}_async`, `${senderHerId}_error`]);
    }
  },
};

/** Sends the messages at the offered rate, without waiting for the broker between them. */
async function offer(link: AmqpLink, messages: { msgId: string; body: Uint8Array }[], parties: { innboksHerId: string; senderHerId: string }, onSend?: (message: { msgId: string }) => void): Promise<void> {
  const start = performance.now();
  for (const [index, message] of messages.entries()) {
    const wait = start + (index * 1000) / offeredPerSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    onSend?.(message);
    void link.send(`${parties.innboksHerId}_async`, { body: message.body, messageId: message.msgId, subject: 'DIALOG_NOTAT', properties: { fromHerId: parties.senderHerId, toHerId: parties.innboksHerId } });
  }
}

/** With INNBOKS_BENCH_CPU_PROFILE=<file>, the consumer's thread is profiled over the timed run (open it in Chrome's DevTools). */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const file = process.env.INNBOKS_BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** CPU ms so far of this process (the consumer and the sender), of PostgreSQL and of RabbitMQ. */
async function machineCpu(): Promise<{ bench: number; postgres: number; postgresByPid: Map<number, number>; rabbitmq: number }> {
  const postgresByPid = await namedProcessesCpu('postgres');
  const postgres = [...postgresByPid.values()].reduce((sum, seconds) => sum + seconds, 0) * 1000;
  return { bench: cpuMs(process.cpuUsage()), postgres, postgresByPid, rabbitmq: (await namedProcessesCpuSeconds('beam.smp')) * 1000 };
}
