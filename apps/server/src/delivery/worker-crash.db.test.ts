/**
 * Nothing is lost when workers die. Worker processes (apps/server/src/worker-main.ts)
 * run against a real PostgreSQL and are killed with SIGKILL at random moments while
 * over a thousand letters are in flight, at least 20 times; then one worker finishes
 * the work. Afterwards every letter has reached a final state by its planned channel,
 * none is lost, and no citizen got two notices within one window. Run once with one
 * worker process and once with two at a time.
 *
 * Needs PostgreSQL: TEST_DATABASE_URL, else the server at 127.0.0.1:5432.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { DeliveryStore, Directory } from '@innboks/db';
import { deliveredKeys } from '@innboks/channels/testing';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { saveCitizen, saveLetter, startDeliveryRig, type DeliveryRig, type RigPerson } from '../testing/delivery-rig.ts';
import { demoSenders } from '../demo/demo-data.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const windowSeconds = 20;
const letterCount = 1020;
const killsPerRun = 20;

interface RunFigures {
  workers: number;
  kills: number;
  killsWithJobsInHand: number;
  letters: number;
  lost: number;
  notFinal: number;
  visibleDuplicateNotices: number;
  repeatsDroppedByReference: number;
  notices: number;
  seconds: number;
  finishSeconds: number;
}

async function postgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    throw new Error(
      `The worker crash test needs PostgreSQL and could not reach ${new URL(adminUrl).host} (${(error as Error).message}). ` +
        'Set TEST_DATABASE_URL=postgres://… or start PostgreSQL on 127.0.0.1:5432 (apt-get install -y postgresql).',
      { cause: error },
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const random = (from: number, to: number) => from + Math.random() * (to - from);

describe('Workers killed with SIGKILL while letters are in flight, on PostgreSQL', () => {
  const figures: RunFigures[] = [];
  beforeAll(postgresReachable);
  afterAll(() => {
    for (const run of figures) {
      console.log(
        `crash run (${run.workers} worker process${run.workers > 1 ? 'es' : ''} at a time): ${run.kills} kills (${run.killsWithJobsInHand} with jobs in hand), ` +
          `${run.letters} letters, ${run.lost} lost, ${run.notFinal} not final, ${run.notices} notices, ${run.visibleDuplicateNotices} duplicate notices within a window, ` +
          `${run.repeatsDroppedByReference} repeated calls dropped by reference, ${run.seconds.toFixed(1)} s (last worker finishing: ${run.finishSeconds.toFixed(1)} s)`,
      );
    }
  });

  for (const workers of [1, 2]) {
    test(`${workers} worker process${workers > 1 ? 'es' : ''} at a time, killed ${killsPerRun} times: every letter final, none lost, no two notices in a window`, async () => {
      const run = await crashRun(workers);
      figures.push(run);
      expect(run.kills).toBeGreaterThanOrEqual(killsPerRun);
      expect(run.letters).toBeGreaterThanOrEqual(1000);
      expect(run.lost).toBe(0);
      expect(run.notFinal).toBe(0);
      expect(run.visibleDuplicateNotices).toBe(0);
    }, 300_000);
  }
});

async function crashRun(workerSlots: number): Promise<RunFigures> {
  const started = Date.now();
  const rig: DeliveryRig = await startDeliveryRig();
  const database: TestDatabase = await createTestDatabase('postgres', { adminUrl });
  const children = new Set<ChildProcess>();
  try {
    const db = database.db;
    const directory = new Directory(db);
    for (const sender of demoSenders) {
      await directory.saveOrganization({ organizationNumber: sender.organizationNumber, name: sender.name, kind: sender.kind, region: sender.region });
    }
    const store = new DeliveryStore(db, { noticeWindowMs: windowSeconds * 1000, quietHours: null, maxAttempts: 8, noticeChannels: ['sms', 'email'] });

    // 150 citizens: SMS, e-mail and both; digital mailbox; paper; a few 12–16 year olds.
    const people: { nationalId: string; facts: RigPerson }[] = [];
    const add = async (count: number, facts: (index: number) => RigPerson, choice?: 'email' | 'both') => {
      for (let index = 0; index < count; index++) {
        const person = facts(index);
        const nationalId = rig.addPerson(person);
        const citizenId = await saveCitizen(db, nationalId, person);
        if (choice) await store.saveNoticeChoice(citizenId, choice, new Date());
        people.push({ nationalId, facts: person });
      }
    };
    const day = (index: number) => String((index % 28) + 1).padStart(2, '0');
    await add(55, (i) => ({ portalUser: true, birthDate: `1970-03-${day(i)}`, mobile: `+479200${String(i).padStart(4, '0')}` }));
    await add(30, (i) => ({ portalUser: true, birthDate: `1975-05-${day(i)}`, email: `epost${i}@example.test` }));
    await add(20, (i) => ({ portalUser: true, birthDate: `1980-07-${day(i)}`, mobile: `+479300${String(i).padStart(4, '0')}`, email: `begge${i}@example.test` }), 'both');
    await add(20, (i) => ({ portalUser: false, birthDate: `1985-09-${day(i)}`, digitalMailbox: { provider: 'digipost', address: `dp${i}#1` } }));
    await add(20, (i) => ({ portalUser: false, birthDate: `1990-11-${day(i)}` }));
    await add(5, (i) => ({ portalUser: true, birthDate: `2012-01-${day(i)}`, mobile: `+479400${String(i).padStart(4, '0')}` }));

    const waves = killsPerRun;
    const perWave = Math.ceil(letterCount / waves);
    const letters: string[] = [];
    const addWave = async () => {
      for (let index = 0; index < perWave && letters.length < letterCount; index++) {
        const person = people[Math.floor(Math.random() * people.length)]!;
        const sender = Math.random() < 0.8 ? demoSenders[0]! : demoSenders[4]!;
        const { messageId } = await saveLetter(db, person.nationalId, new Date(), { sender });
        letters.push(messageId);
      }
    };

    const env: Record<string, string> = {
      ...process.env,
      ...rig.env,
      DATABASE_URL: database.url!,
      NODE_ENV: 'test',
      INNBOKS_DATA_DIR: path.join(os.tmpdir(), `innboks-crash-${process.pid}`),
      LOG_LEVEL: 'silent',
      METRICS_PORT: '0',
      NOTICE_WINDOW_SECONDS: String(windowSeconds),
      NOTICE_QUIET_HOURS: 'off',
      CHANNEL_TIMEOUT_MS: '3000',
      WORKER_LEASE_SECONDS: '4',
      WORKER_POLL_MS: '50',
      WORKER_BATCH_SIZE: '10',
      WORKER_CONCURRENCY: '4',
      SWEEPER_INTERVAL_SECONDS: '5',
      SWEEPER_STUCK_AFTER_SECONDS: '60',
    };
    const startWorker = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/worker-main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.add(child);
        let output = '';
        const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('running')) {
            clearTimeout(timer);
            resolve(child);
          }
        });
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => {
          children.delete(child);
          clearTimeout(timer);
          if (!output.includes('running')) reject(new Error(`worker exited (${code}) before it started:\n${output}`));
        });
      });
    const killHard = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });

    let kills = 0;
    let killsWithJobsInHand = 0;
    const slot = async () => {
      while (kills < killsPerRun) {
        await addWave();
        const child = await startWorker();
        await sleep(random(200, 1200));
        const held = await sql<{ n: number }>`select count(*) as n from job where locked_by like ${`worker-${child.pid}-%`} and state = 'running'`.execute(db);
        await killHard(child);
        kills += 1;
        if (held.rows[0]!.n > 0) killsWithJobsInHand += 1;
      }
    };
    await Promise.all(Array.from({ length: workerSlots }, slot));
    while (letters.length < letterCount) await addWave();

    // One worker is left to finish; it is not killed.
    const finishStarted = Date.now();
    const finisher = await startWorker();
    // A worker process gives the CPU to API processes on the same machine (WORKER_NICE, default 10).
    expect(os.getPriority(finisher.pid!)).toBe(10);
    const deadline = Date.now() + 150_000;
    for (;;) {
      const open = await sql<{ attempts: number; plans: number; notices: number; jobs: number }>`
        select (select count(*) from delivery_attempt where state in ('queued','sending')) as attempts,
               (select count(*) from message m where not exists (select 1 from delivery_plan p where p.message_id = m.id)) as plans,
               (select count(*) from notice where state in ('pending','sending')) as notices,
               (select count(*) from job) as jobs`.execute(db);
      const row = open.rows[0]!;
      if (row.attempts + row.plans + row.notices + row.jobs === 0) break;
      if (Date.now() > deadline) throw new Error(`delivery did not finish: ${JSON.stringify(row)}`);
      await sleep(500);
    }
    finisher.kill('SIGTERM');

    // Every letter: a plan, every attempt final, delivered by its planned channel.
    const rows = await db
      .selectFrom('message')
      .leftJoin('delivery_plan', 'delivery_plan.message_id', 'message.id')
      .select(['message.id', 'delivery_plan.channels'])
      .where('message.id', 'in', letters)
      .execute();
    const attempts = await db.selectFrom('delivery_attempt').select(['message_id', 'channel', 'state']).where('message_id', 'in', letters).execute();
    const stateOf = new Map(attempts.map((attempt) => [`${attempt.message_id}/${attempt.channel}`, attempt.state]));
    const mailboxLetters = deliveredKeys(rig.digitalMailbox.requests, (request) => String(request.body.letterId));
    const printedLetters = deliveredKeys(rig.print.requests, (request) => String(request.body.letterId));
    let lost = letters.length - rows.length;
    for (const row of rows) {
      const first = (row.channels as string[] | null)?.[0];
      const delivered = first !== undefined && stateOf.get(`${row.id}/${first}`) === 'delivered';
      const arrived = first === 'inbox' || (first === 'digital-mailbox' ? mailboxLetters.distinct.has(row.id) : printedLetters.distinct.has(row.id));
      if (!delivered || !arrived) lost += 1;
    }
    const notFinal = attempts.filter((attempt) => attempt.state === 'queued' || attempt.state === 'sending').length;
    const failed = attempts.filter((attempt) => attempt.state === 'failed');
    expect(failed).toEqual([]);

    // Notices: each one that was sent arrived; no recipient got two distinct notices within a window.
    const sms = deliveredKeys(rig.sms.requests, (request) => String(request.body.reference));
    const mails = deliveredKeys(
      rig.smtp.mails.map((mail) => ({ path: '', headers: {}, body: { to: mail.to[0], reference: mail.messageId }, at: mail.at, answered: 'ok' as const })),
      (request) => String(request.body.reference),
    );
    const sentNotices = await db.selectFrom('notice').select(['id', 'channel', 'state']).execute();
    expect(sentNotices.filter((notice) => notice.state === 'sent').length).toBe(sms.distinct.size + mails.distinct.size);
    let visibleDuplicateNotices = 0;
    for (const received of [sms.distinct, mails.distinct]) {
      const byRecipient = new Map<string, number[]>();
      for (const request of received.values()) {
        const to = String(request.body.to);
        byRecipient.set(to, [...(byRecipient.get(to) ?? []), request.at]);
      }
      for (const times of byRecipient.values()) {
        times.sort((a, b) => a - b);
        for (let index = 1; index < times.length; index++) if (times[index]! - times[index - 1]! < windowSeconds * 1000) visibleDuplicateNotices += 1;
      }
    }
    return {
      workers: workerSlots,
      kills,
      killsWithJobsInHand,
      letters: letters.length,
      lost,
      notFinal,
      visibleDuplicateNotices,
      repeatsDroppedByReference: sms.repeats + mails.repeats + mailboxLetters.repeats + printedLetters.repeats,
      notices: sms.distinct.size + mails.distinct.size,
      seconds: (Date.now() - started) / 1000,
      finishSeconds: (Date.now() - finishStarted) / 1000,
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await rig.close();
    await database.drop();
  }
}
