import type { Benchmark, Figure } from '../lib/context.ts';
import { runReads } from '../lib/reads.ts';
import { round } from '../lib/stats.ts';
import { cpuText } from '../lib/cpu.ts';
import { readsOnReplica } from '../lib/replica-reads.ts';

/**
 * The inbox as a citizen opens it: first page (20 threads) and the unread counts
 * per category, for random citizens of the dataset, 32 concurrent; and the server's
 * memory while it serves that.
 */
export const inbox: Benchmark = {
  name: 'inbox',
  description: 'GET /api/inbox (first page + unread counts), random citizens, 32 concurrent; server peak RSS; with --replica also with reads on a streaming replica',
  needsDataset: true,
  async run(context) {
    const dataset = context.dataset!;
    const citizens = dataset.sampleCitizenIds;
    const tokens = await context.createSessions(citizens);
    const requests = citizens.map((citizenId) => ({ citizenId, path: '/api/inbox' }));
    const result = await runReads(context, { name: 'inbox', concurrency: 32, tokens, requests });
    const { ours, raw, memory } = result;
    const p99 = ours.latency.percentile(99);
    const figures: Figure[] = [
      {
        benchmark: 'inbox',
        figure: 'req/s',
        ours: round(ours.perSecond),
        ceiling: round(raw.perSecond),
        ratio: round(ours.perSecond / raw.perSecond, 2),
        goal: '≥ 1,000 req/s',
        met: ours.perSecond >= 1000,
        note: [
          ...(ours.errors ? [`${ours.errors} errors: ${ours.firstError}`] : []),
          'ours: one keep-alive connection per worker, reading status, Content-Length and body (lib/lean-http.ts); ' +
            'raw: the server\'s one statement (session, page as JSON, unread counts) with pg on 32 connections, rows read as text arrays, unparsed',
        ].join('; '),
      },
      { benchmark: 'inbox', figure: 'p50 ms', ours: round(ours.latency.percentile(50), 2), ceiling: round(raw.latency.percentile(50), 2) },
      { benchmark: 'inbox', figure: 'p99 ms', ours: round(p99, 2), ceiling: round(raw.latency.percentile(99), 2), goal: '≤ 20 ms', met: p99 <= 20 },
      {
        benchmark: 'inbox',
        figure: 'CPU ms/request: server · PG · client',
        ours: cpuText(ours.cpuMsPerOperation),
        note: `raw SQL: ${cpuText(raw.cpuMsPerOperation, false)}`,
      },
      {
        benchmark: 'memory',
        figure: 'server peak RSS MB (inbox load)',
        ours: round(memory.peakMb),
        goal: '≤ 300 MB',
        met: memory.peakMb <= 300,
        note: `highest RSS sampled during the load ${round(memory.sampledPeakMb)} MB`,
      },
    ];
    if (context.options.replica) figures.push(...(await readsOnReplica(context, { tokens, requests, withoutReplica: ours.perSecond })));
    return figures;
  },
};
