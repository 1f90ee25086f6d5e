/**
 * The inbox with its reads on a streaming replica (`--replica`): a replica of the local
 * server made with the tests' helper, an API process with DATABASE_READ_URL on it, the
 * same load; the process's own counter tells how many reads the replica served.
 */
import { startStreamingReplica } from '../../apps/server/src/testing/streaming-replica.ts';
import { freePort } from '../../apps/server/src/testing/test-server.ts';
import type { BenchContext, Figure } from './context.ts';
import { runReads, type ReadRequest } from './reads.ts';
import { round } from './stats.ts';

export async function readsOnReplica(
  context: BenchContext,
  options: { tokens: Map<string, string>; requests: ReadRequest[]; withoutReplica: number },
): Promise<Figure[]> {
  const log = (message: string) => console.log(`[bench] ${message}`);
  const began = performance.now();
  const replica = await startStreamingReplica(context.options.databaseUrl, log);
  const madeInS = (performance.now() - began) / 1000;
  try {
    const metricsPort = await freePort();
    const api = await context.startApi({ name: 'inbox-replica', env: { DATABASE_READ_URL: replica.urlFor(context.databaseUrl), METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' } });
    let result;
    let served: Record<string, number>;
    try {
      result = await runReads(context, { name: 'inbox-replica', concurrency: 32, tokens: options.tokens, requests: options.requests, api });
      served = readsByTarget(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
    } finally {
      await api.stop();
    }
    const { ours } = result;
    const total = Object.values(served).reduce((sum, count) => sum + count, 0);
    return [
      {
        benchmark: 'inbox',
        figure: 'req/s with reads on a replica',
        ours: round(ours.perSecond),
        ratio: round(ours.perSecond / options.withoutReplica, 2),
        note: [
          ...(ours.errors ? [`${ours.errors} errors: ${ours.firstError}`] : []),
          `ratio: to the same load without the replica (${round(options.withoutReplica)} req/s); replica and primary on the same machine and cores as the server and the load`,
          `served by the replica ${total ? round((100 * (served.replica ?? 0)) / total) : 0} % of ${total} reads`,
          `replica made in ${round(madeInS)} s (pg_basebackup of the whole local cluster)`,
        ].join('; '),
      },
      { benchmark: 'inbox', figure: 'p99 ms with reads on a replica', ours: round(ours.latency.percentile(99), 2) },
    ];
  } finally {
    await replica.remove();
  }
}

/** innboks_db_reads_total summed by target, from a Prometheus text scrape. */
function readsByTarget(text: string): Record<string, number> {
  const served: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^innboks_db_reads_total\{.*target="(\w+)".*\} (\d+(?:\.\d+)?)$/.exec(line);
    if (match) served[match[1]!] = (served[match[1]!] ?? 0) + Number(match[2]);
  }
  return served;
}
