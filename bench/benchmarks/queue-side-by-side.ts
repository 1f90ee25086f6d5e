/**
 * `npm run bench -- --only queue`: our job queue (@innboks/db job-queue.ts and the
 * server's worker) beside graphile-worker, on the same PostgreSQL database, with the
 * same workload (issue 17, point 4: adopt graphile-worker if it holds our figures
 * within 20 %). Every figure is taken for each contestant the same way:
 *
 * - enqueue: transactions of a data row and its job (as a letter is stored), and of
 *   50 rows and 50 jobs (as a batch of plans is saved), 8 clients, closed loop; the
 *   same transactions without a job are the baseline, so the queue's own cost per
 *   transaction is the difference;
 * - drain: 3,000 jobs queued, then worked off with 4 jobs in hand at once (our 4
 *   lanes of claims of 100, graphile-worker's concurrency 4), each job marking its row
 *   done; jobs/s from the first job started to an empty queue;
 * - latency: 200 transactions a second for the phase's duration with the workers
 *   running; p95 from COMMIT sent to the handler's start.
 *
 * CPU figures are of every PostgreSQL process on the machine (other work there counts
 * too) and of this process (which runs both the enqueuers and the workers).
 */
import type { Benchmark, Figure } from '../lib/context.ts';
import { createItemTable, type QueueContestant } from '../lib/queue/contestant.ts';
import { graphileContestant } from '../lib/queue/graphile.ts';
import { oursContestant } from '../lib/queue/ours.ts';
import { measureDrain, measureEnqueue, measureLatency } from '../lib/queue/phases.ts';
import { round } from '../lib/stats.ts';

const inHand = 4;
const drainJobs = 3_000;
const latencyRate = 200;

export const queueSideBySide: Benchmark = {
  name: 'queue',
  description: 'our job queue beside graphile-worker: enqueue cost in the data transaction, jobs/s drained, p95 enqueue→start',
  needsDataset: false,
  async run(context) {
    const { pool, databaseUrl } = context;
    const figures: Figure[] = [];
    const add = (figure: string, value: number, digits: number, note?: string) => figures.push({ benchmark: 'queue', figure, ours: round(value, digits), note });
    await createItemTable(pool);

    const oursBatch = oursContestant({ databaseUrl, pool, lanes: inHand, batch: true, pollIntervalMs: 500 });
    const oursSingle = oursContestant({ databaseUrl, pool, lanes: inHand, batch: false, pollIntervalMs: 500 });
    const oursFastPoll = oursContestant({ databaseUrl, pool, lanes: inHand, batch: true, pollIntervalMs: 50 });
    const graphile = graphileContestant({ databaseUrl, pool, concurrency: inHand, tuned: false });
    const graphileTuned = graphileContestant({ databaseUrl, pool, concurrency: inHand, tuned: true });
    const all: QueueContestant[] = [oursBatch, oursSingle, oursFastPoll, graphile, graphileTuned];
    for (const contestant of all) await contestant.setup();
    const short = (contestant: QueueContestant) => (contestant === graphile || contestant === graphileTuned ? 'graphile-worker' : 'ours');
    try {
      // ---- enqueue: the same transactions, with our job, with graphile-worker's, with none
      for (const rows of [1, 50]) {
        const shape = rows === 1 ? 'row + 1 job' : '50 rows + 50 jobs';
        const count = rows === 1 ? 3_000 : 200;
        const baseline = await measureEnqueue(pool, null, { count, rows, clients: 8 });
        add(`no queue: ms/tx p50 (${rows === 1 ? '1 row' : '50 rows'})`, baseline.p50Ms, 2, `${round(baseline.transactionsPerSecond, 0)} tx/s; p95 ${round(baseline.p95Ms, 2)} ms; PostgreSQL CPU ${round(baseline.postgresCpuMsPerTransaction, 3)} ms/tx`);
        for (const contestant of [oursBatch, graphile]) {
          await contestant.settle();
          const measured = await measureEnqueue(pool, contestant, { count, rows, clients: 8 });
          add(`${short(contestant)}: enqueue ms/tx p50 (${shape})`, measured.p50Ms, 2, `${round(measured.transactionsPerSecond, 0)} tx/s; p95 ${round(measured.p95Ms, 2)} ms; the queue's own cost ${round(measured.p50Ms - baseline.p50Ms, 2)} ms/tx at p50; PostgreSQL CPU ${round(measured.postgresCpuMsPerTransaction - baseline.postgresCpuMsPerTransaction, 3)} ms/tx above the baseline`);
          await contestant.clear();
        }
      }

      // ---- drain: a full queue worked off, 4 jobs in hand at once
      for (const contestant of [oursBatch, oursSingle, graphile, graphileTuned]) {
        await contestant.settle();
        const drained = await measureDrain(pool, contestant, drainJobs);
        add(`${short(contestant)}: jobs/s drained, ${contestant.name.replace(/^[^(]*\(|\)$/g, '')}`, drained.jobsPerSecond, 0, `${drained.jobs} jobs; CPU per job: PostgreSQL ${round(drained.postgresCpuMsPerJob, 3)} ms, this process ${round(drained.clientCpuMsPerJob, 3)} ms`);
      }

      // ---- latency: jobs arriving at a fixed rate while the workers run
      const durationMs = Math.min(context.options.durationS, 6) * 1000;
      for (const contestant of [oursBatch, oursFastPoll, graphile, graphileTuned]) {
        await contestant.settle();
        const latency = await measureLatency(pool, contestant, { ratePerSecond: latencyRate, durationMs });
        add(`${short(contestant)}: p95 ms enqueue→start, ${contestant.name.replace(/^[^(]*\(|\)$/g, '')}`, latency.p95Ms, 1, `${latency.jobs} jobs at ${latencyRate}/s; p50 ${round(latency.p50Ms, 1)} ms, max ${round(latency.maxMs, 1)} ms`);
        await contestant.clear();
      }
    } finally {
      for (const contestant of all) await contestant.close();
    }
    return figures;
  },
};
