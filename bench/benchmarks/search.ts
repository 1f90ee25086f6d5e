import type { Benchmark, Figure } from '../lib/context.ts';
import { searchTerms } from '../generate/text.ts';
import { runReads, type ReadRequest } from '../lib/reads.ts';
import { round } from '../lib/stats.ts';

/**
 * Norwegian full text within one citizen's items (POST /api/inbox/search, the words in the body), words from
 * common to rare, for random citizens and for the heavy ones, 16 concurrent.
 */
export const search: Benchmark = {
  name: 'search',
  description: 'POST /api/inbox/search {q}: full text within one citizen, random and heavy citizens, 16 concurrent',
  needsDataset: true,
  async run(context) {
    const dataset = context.dataset!;
    const figures: Figure[] = [];
    const api = await context.startApi({ name: 'search' });
    try {
      for (const [label, citizens] of [
        ['random citizens', dataset.sampleCitizenIds],
        ['heavy citizens', dataset.heavyCitizens.map((citizen) => citizen.id)],
      ] as const) {
        const tokens = await context.createSessions([...citizens]);
        const requests: ReadRequest[] = [];
        for (const citizenId of citizens.slice(0, 5_000)) {
          for (const term of searchTerms) requests.push({ citizenId, query: term, path: '/api/inbox/search', body: JSON.stringify({ q: term }) });
        }
        const { ours, raw } = await runReads(context, { name: 'search', concurrency: 16, tokens, requests, api });
        const p99 = ours.latency.percentile(99);
        figures.push(
          { benchmark: 'search', figure: `${label} req/s`, ours: round(ours.perSecond), ceiling: round(raw.perSecond), ratio: round(ours.perSecond / raw.perSecond, 2) },
          {
            benchmark: 'search',
            figure: `${label} p99 ms`,
            ours: round(p99, 2),
            ceiling: round(raw.latency.percentile(99), 2),
            goal: '≤ 50 ms',
            met: p99 <= 50,
            ...(ours.errors ? { note: `${ours.errors} errors: ${ours.firstError}` } : {}),
          },
        );
      }
    } finally {
      await api.stop();
    }
    return figures;
  },
};
