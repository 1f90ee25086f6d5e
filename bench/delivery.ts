/**
 * Delivery benchmark (prints figures; not a test):
 *   1. notices per second handed to a local SMTP server (smtp-server) by the SMTP adapter;
 *   2. letters per second through the whole plan: saved → plan (both registers over HTTP)
 *      → inbox + notice, digital mailbox or print PDF, on local servers, by one in-process worker.
 *
 *   npm run bench:delivery                     (PostgreSQL from TEST_DATABASE_URL or 127.0.0.1:5432, else PGlite)
 *   BENCH_NOTICES=5000 BENCH_LETTERS=3000 npm run bench:delivery
 *
 * The suite's `delivery` benchmark (benchmarks/delivery.ts, `npm run bench -- --only delivery`)
 * measures the same path through real API and worker processes at an offered rate.
 */
import os from 'node:os';
import { SmtpEmailSender } from '@innboks/channels';
import { startSmtpTestServer } from '@innboks/channels/testing';
import { Directory } from '@innboks/db';
import { systemClock } from '@innboks/core';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.ts';
import { createDeliveryRuntime } from '../apps/server/src/delivery/delivery-runtime.ts';
import { jobHandlers } from '../apps/server/src/runtime.ts';
import { startWorker } from '../apps/server/src/jobs/worker.ts';
import { createTestDatabase, type TestDatabaseKind } from '../apps/server/src/testing/test-database.ts';
import { saveCitizen, saveLetter, startDeliveryRig } from '../apps/server/src/testing/delivery-rig.ts';
import { demoSenders } from '../apps/server/src/demo/demo-data.ts';

const notices = Number(process.env.BENCH_NOTICES ?? 2000);
const letters = Number(process.env.BENCH_LETTERS ?? 1000);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function smtpNotices(): Promise<void> {
  const smtp = await startSmtpTestServer();
  const sender = new SmtpEmailSender({ url: smtp.url, from: 'Helsenorge <ikke-svar@innboks.bench>', timeoutMs: 10_000, pool: true });
  const text = 'Du har fått en ny melding på Helsenorge. Logg inn for å lese den.';
  await sender.send({ to: 'warmup@example.test', subject: 'Ny melding', text, reference: 'warmup' });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < notices; index = next++) {
      await sender.send({ to: `person${index}@example.test`, subject: 'Ny melding på Helsenorge', text, reference: `bench-${index}` });
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  const seconds = (performance.now() - started) / 1000;
  const received = smtp.mails.length - 1;
  console.log(`notices to a local SMTP server: ${received} in ${seconds.toFixed(2)} s = ${(received / seconds).toFixed(0)} notices/s (pooled, 4 connections, 8 in flight)`);
  sender.close();
  await smtp.close();
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function lettersThroughThePlan(kind: TestDatabaseKind): Promise<void> {
  const rig = await startDeliveryRig({ NOTICE_QUIET_HOURS: 'off', CHANNEL_TIMEOUT_MS: '5000' });
  const database = await createTestDatabase(kind, { adminUrl });
  try {
    const db = database.db;
    const directory = new Directory(db);
    for (const sender of demoSenders) await directory.saveOrganization({ organizationNumber: sender.organizationNumber, name: sender.name, kind: sender.kind, region: sender.region });
    const config = loadConfig({ ...rig.env, INNBOKS_DATA_DIR: os.tmpdir(), NOTICE_QUIET_HOURS: 'off', LOG_LEVEL: 'silent' });
    const runtime = createDeliveryRuntime(db, systemClock, config);
    const people: string[] = [];
    const kinds = [
      { portalUser: true, mobile: '+4790000000' },
      { portalUser: true, email: 'bench@example.test' },
      { portalUser: false, digitalMailbox: { provider: 'digipost', address: 'bench#1' } },
      { portalUser: false },
    ];
    for (let index = 0; index < 200; index++) {
      const facts = kinds[index % kinds.length]!;
      const nationalId = rig.addPerson({ ...facts, birthDate: `1960-0${(index % 9) + 1}-${String((index % 28) + 1).padStart(2, '0')}` });
      await saveCitizen(db, nationalId, facts);
      people.push(nationalId);
    }
    for (let index = 0; index < letters; index++) await saveLetter(db, people[index % people.length]!, new Date());
    const concurrency = kind === 'postgres' ? 8 : 1;
    const worker = startWorker({ db, clock: systemClock, handlers: jobHandlers(db, systemClock, config, runtime), batchSize: 50, concurrency, pollIntervalMs: 20 }, { autoStart: false });
    const started = performance.now();
    await worker.drain();
    const seconds = (performance.now() - started) / 1000;
    const open = await sql<{ n: number }>`select count(*) as n from delivery_attempt where state in ('queued','sending')`.execute(db);
    const byChannel = await sql<{ channel: string; n: number }>`select channel, count(*) as n from delivery_attempt where state = 'delivered' group by channel order by channel`.execute(db);
    console.log(
      `letters through the whole plan on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${letters} in ${seconds.toFixed(2)} s = ${(letters / seconds).toFixed(0)} letters/s ` +
        `(one worker, ${concurrency} at a time; delivered: ${byChannel.rows.map((row) => `${row.channel} ${row.n}`).join(', ')}; still open: ${open.rows[0]!.n})`,
    );
    await worker.stop();
    runtime.adapters.close();
  } finally {
    await database.drop();
    await rig.close();
  }
}

console.log(`Innboks delivery benchmark on ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
await smtpNotices();
if (await postgresReachable()) await lettersThroughThePlan('postgres');
else console.log(`PostgreSQL not reachable at ${new URL(adminUrl).host}: letters on PGlite only`);
await lettersThroughThePlan('pglite');
process.exit(0);
