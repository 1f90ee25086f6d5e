import type { Benchmark, Figure } from '../lib/context.ts';
import { cpuPerOperation, cpuSnapshot, processesCpuSeconds } from '../lib/cpu.ts';
import { stageLatencies, type LetterTimes, type StageLatencies } from '../lib/delivery-stages.ts';
import { startDeliveryWorld, type Recipient } from '../lib/delivery-world.ts';
import { expectStatus } from '../lib/http.ts';
import { LeanHttpPool } from '../lib/lean-http.ts';
import { letterRequest } from '../lib/letters.ts';
import { NoticeArrivals, waitForNotices } from '../lib/notice-arrivals.ts';
import { runOpenLoop, type OpenLoopResult } from '../lib/open-loop.ts';
import { smtpCeiling } from '../lib/smtp-ceiling.ts';
import { Latencies, round } from '../lib/stats.ts';

/** The issue's row: p95 arrival → notice accepted by SMTP within 10 s at 500 letters/s. */
const offeredPerSecond = 500;
const goalP95Ms = 10_000;
/**
 * Sender systems are many (every hospital, GP office and municipality): 256 letters in
 * flight lets an answer take half a second at 500 letters/s before the generator holds
 * one back, so a short stall of the server shows as latency (counted in the p95), not as
 * letters never offered.
 */
const maxInFlight = 256;
const workerCount = 2;
/** Jobs each worker runs at once (the default on PostgreSQL): the ceiling uses the same in flight. */
const workerConcurrency = 2;
const drainLimitMs = 120_000;

const deliveryEnv: Record<string, string> = {
  // No SMS quiet hours: the result must not depend on the time of day the bench runs.
  NOTICE_QUIET_HOURS: 'off',
  // The notice window lets at most one notice per citizen and channel go per window;
  // a letter arriving inside it waits for the window to pass. Every citizen here gets
  // one letter, so the window never holds one back; 0 states that the figure is the
  // pipeline (queue, plan, registers, SMTP), never a deliberate wait.
  NOTICE_WINDOW_SECONDS: '0',
  NOTICE_CHANNELS: 'sms,email',
  // The rig's 400 ms is for tests of timeouts; under load a slow answer is not a failure.
  CHANNEL_TIMEOUT_MS: '5000',
  WORKER_CONCURRENCY: String(workerConcurrency),
  // This API is a sender API: its requests wait on their commits, not on the CPU, and
  // with the default of 4 connections for an API-only process it took ~320 letters/s;
  // with 16, 344–500 by the run (README, DATABASE_POOL_SIZE).
  DATABASE_POOL_SIZE: '16',
};

/**
 * Letters through the whole delivery path, measured from the outside: one API process
 * takes POST /fhir/R4/Communication at an offered 500 letters/s (open loop), two worker
 * processes make each letter's channel plan (both registers over HTTP) and send its
 * e-mail notice to a local SMTP server in this process; for every letter, the time
 * from its POST to the moment the SMTP server accepted its notice.
 */
export const delivery: Benchmark = {
  name: 'delivery',
  description: 'letters/s through channel plan → notice accepted by a local SMTP server; p95 arrival→SMTP',
  needsDataset: false,
  async run(context) {
    const { durationS, warmupS } = context.options;
    const sender = context.senderOf('hospital');
    const warmupCount = Math.floor(warmupS * offeredPerSecond);
    const measuredCount = Math.floor(durationS * offeredPerSecond);
    // Only this benchmark's letters in the queue: earlier benchmarks' letters were never planned.
    await context.pool.query(`delete from job where kind = 'deliver-letter'`);
    const world = await startDeliveryWorld(context, warmupCount + measuredCount, deliveryEnv);
    const { rig, recipients, runId } = world;
    const arrivals = new NoticeArrivals(rig.smtp);
    const started: { stop(): Promise<void> }[] = [];
    const workerPids: number[] = [];
    let client: LeanHttpPool | undefined;
    try {
      const api = await context.startApi({ name: 'delivery-api', env: rig.env });
      started.push(api);
      for (let index = 1; index <= workerCount; index++) {
        const worker = await context.startWorker({ name: `delivery-worker-${index}`, env: rig.env });
        started.push(worker);
        workerPids.push(worker.pid);
      }
      const token = await api.tokenFor(sender.clientId);
      client = new LeanHttpPool(api.baseUrl, maxInFlight);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
      const identifierSystem = `urn:oid:2.16.578.1.12.4.1.4.101.99.delivery.${runId}`;

      /** Posts one letter to each of `people` at the offered rate; the accepted ones with their POST time. */
      const postLetters = async (people: Recipient[], seconds: number) => {
        const accepted: (LetterTimes & { email: string })[] = [];
        const answers = new Latencies();
        const load = await runOpenLoop({ ratePerSecond: offeredPerSecond, durationMs: seconds * 1000, maxInFlight }, async (sequence) => {
          const person = people[sequence]!;
          const request = letterRequest({ organizationNumber: sender.organizationNumber, nationalId: person.nationalId, identifierSystem, identifierValue: `letter-${person.email}` });
          const postedAt = Date.now();
          expectStatus(await client!.request('POST', '/fhir/R4/Communication', headers, request.body), 201);
          answers.add(Date.now() - postedAt);
          accepted.push({ citizenId: person.citizenId, email: person.email, postedAt, noticeAcceptedAt: undefined });
        });
        return { load, accepted, answers };
      };
      const drain = (letters: { email: string; citizenId: string }[]) =>
        waitForNotices(
          arrivals,
          letters.map((letter) => letter.email),
          { pool: context.pool, citizenIds: letters.map((letter) => letter.citizenId), limitMs: drainLimitMs },
        );

      // Warm-up at the same rate (JIT, connection pools, caches), drained before the measured phase.
      if (warmupCount > 0) {
        const warmup = await postLetters(recipients.slice(0, warmupCount), warmupS);
        await drain(warmup.accepted);
      }
      // CPU from the first POST to the last notice: what one letter costs each part of the machine.
      const cpuBefore = await cpuSnapshot([api.pid]);
      const workersBefore = await processesCpuSeconds(workerPids);
      const phaseStart = Date.now();
      const measured = await postLetters(recipients.slice(warmupCount), durationS);
      const drained = await drain(measured.accepted);
      const cpuAfter = await cpuSnapshot([api.pid]);
      const workersAfter = await processesCpuSeconds(workerPids);
      const perLetter = cpuPerOperation(cpuBefore, cpuAfter, measured.accepted.length);
      const cpu = {
        api: perLetter.servers,
        workers: ((workersAfter - workersBefore) * 1000) / measured.accepted.length,
        postgres: perLetter.postgres,
        bench: perLetter.generator,
      };
      for (const letter of measured.accepted) letter.noticeAcceptedAt = arrivals.at(letter.email);

      const toSmtp = new Latencies();
      let lastNoticeAt = phaseStart;
      for (const letter of measured.accepted) {
        if (letter.noticeAcceptedAt === undefined) continue;
        toSmtp.add(letter.noticeAcceptedAt - letter.postedAt);
        lastNoticeAt = Math.max(lastNoticeAt, letter.noticeAcceptedAt);
      }
      const { load } = measured;
      // The table has no room for these; they say how much of the offered load reached the server.
      console.log(
        `[delivery] offered ${load.scheduled} letters in ${durationS} s: ${load.started} sent (${load.skipped} not sent, ${maxInFlight} in flight; ${load.late} late), ` +
          `${measured.accepted.length} accepted, ${load.errors} errors; notices drained ${(drained.waitedMs / 1000).toFixed(1)} s after the last POST`,
      );
      const stages = await stageLatencies(context.pool, measured.accepted);
      const ceiling = await smtpCeiling({
        url: rig.smtp.url,
        count: Math.max(500, measured.accepted.length),
        concurrency: workerCount * workerConcurrency,
        senders: workerCount,
      });
      return deliveryFigures({
        load: measured.load,
        durationS,
        accepted: measured.accepted.length,
        answers: measured.answers,
        notices: toSmtp.count,
        noticeSeconds: (lastNoticeAt - phaseStart) / 1000,
        missing: measured.accepted.length - toSmtp.count,
        drainedS: drained.waitedMs / 1000,
        toSmtp,
        stages,
        ceiling,
        cpu,
      });
    } finally {
      client?.close();
      for (const handle of started.reverse()) await handle.stop();
      await rig.close();
      // Whatever these citizens still have queued (nothing, once drained) must not run in later benchmarks.
      await context.pool.query(`delete from job where payload->>'citizenId' = any($1::text[])`, [recipients.map((recipient) => recipient.citizenId)]);
    }
  },
};

interface DeliveryResult {
  load: OpenLoopResult;
  durationS: number;
  accepted: number;
  /** POST → 201 received, as the sender system sees it. */
  answers: Latencies;
  notices: number;
  noticeSeconds: number;
  missing: number;
  drainedS: number;
  toSmtp: Latencies;
  stages: StageLatencies;
  ceiling: Awaited<ReturnType<typeof smtpCeiling>>;
  /** CPU ms per letter in each part of the machine; `bench` is this process (load, SMTP server, registers). */
  cpu: { api: number; workers: number; postgres: number; bench: number };
}

function deliveryFigures(result: DeliveryResult): Figure[] {
  const { load, ceiling, toSmtp, stages } = result;
  const acceptedPerSecond = result.accepted / result.durationS;
  const noticesPerSecond = result.notices / result.noticeSeconds;
  const p95 = toSmtp.percentile(95);
  const seconds = (ms: number) => round(ms / 1000, 2);
  const p50p95 = (latencies: Latencies) => `${seconds(latencies.percentile(50))} / ${seconds(latencies.percentile(95))}`;
  // The goal holds only at the offered rate: every letter taken and every notice sent.
  const atOfferedRate = acceptedPerSecond >= offeredPerSecond * 0.98;
  const met = atOfferedRate && result.missing === 0 && p95 <= goalP95Ms;
  const notStarted = `${load.skipped} of ${load.scheduled} not sent (${maxInFlight} in flight), ${load.late} sent >100 ms late`;
  return [
    {
      benchmark: 'delivery',
      figure: 'letters/s accepted (201), offered 500',
      ours: round(acceptedPerSecond),
      goal: `${offeredPerSecond} letters/s`,
      met: atOfferedRate,
      note: `${notStarted}; ${load.errors} errors${load.firstError ? `: ${load.firstError.slice(0, 120)}` : ''}`,
    },
    {
      benchmark: 'delivery',
      figure: 'notices/s accepted by SMTP (raw: nodemailer)',
      ours: round(noticesPerSecond),
      ceiling: round(ceiling.perSecond),
      ratio: round(noticesPerSecond / ceiling.perSecond, 2),
      goal: 'reported',
      note: `raw: ${ceiling.mails} e-mails straight to the same SMTP server, ${workerCount} pooled senders, ${workerCount * workerConcurrency} in flight (as ${workerCount} workers × ${workerConcurrency} jobs)`,
    },
    {
      benchmark: 'delivery',
      figure: 'p95 s arrival→SMTP (raw: one send)',
      ours: seconds(p95),
      ceiling: seconds(ceiling.latency.percentile(95)),
      ratio: round(ceiling.latency.percentile(95) / p95, 4),
      goal: `p95 ≤ ${goalP95Ms / 1000} s at ${offeredPerSecond} letters/s`,
      met,
      note: 'from the POST to the SMTP server accepting the notice; no quiet hours, notice window 0 (one letter per citizen): the pipeline, no deliberate wait',
    },
    { benchmark: 'delivery', figure: 'p50 / p99 s arrival→SMTP', ours: `${seconds(toSmtp.percentile(50))} / ${seconds(toSmtp.percentile(99))}` },
    {
      benchmark: 'delivery',
      figure: 'POST → 201 ms p50 / p95 / p99 / max',
      ours: [50, 95, 99, 100].map((p) => round(result.answers.percentile(p))).join(' / '),
      note: 'the answer as the sender system gets it, for the letters accepted',
    },
    {
      benchmark: 'delivery',
      figure: 'letters without a notice after draining',
      ours: String(result.missing),
      goal: '0',
      met: result.missing === 0,
      note: `waited ${round(result.drainedS, 1)} s after the last POST (at most ${drainLimitMs / 1000} s)`,
    },
    {
      benchmark: 'delivery',
      figure: 'p50 / p95 s: API, →plan, →sending, →SMTP',
      ours: [stages.api, stages.toPlan, stages.toNoticeSending, stages.toSmtp].map(p50p95).join('; '),
      note: 'POST → stored; stored → plan saved (deliver-letter queue + registers); plan → notice sending (send-notice queue); sending → SMTP accepted',
    },
    {
      benchmark: 'delivery',
      figure: 'CPU ms/letter: API · workers · PG · bench',
      ours: [result.cpu.api, result.cpu.workers, result.cpu.postgres, result.cpu.bench].map((ms) => ms.toFixed(2)).join(' · '),
      note: 'from the first POST to the last notice, per letter accepted; "bench" is this process: the load, the SMTP server and the registers',
    },
  ];
}
