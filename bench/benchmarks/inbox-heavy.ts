import type { Benchmark, Figure } from '../lib/context.ts';
import { encodeCursor, runReads, type ReadRequest } from '../lib/reads.ts';
import { round } from '../lib/stats.ts';

/**
 * Citizens with 10,000+ items: page 1 and page 50 (keyset paging: page 50 should
 * cost what page 1 does), 8 concurrent.
 */
export const inboxHeavy: Benchmark = {
  name: 'inbox-heavy',
  description: 'GET /api/inbox for citizens with 10,000+ items: page 1 and page 50, 8 concurrent',
  needsDataset: true,
  async run(context) {
    const heavy = context.dataset!.heavyCitizens;
    const tokens = await context.createSessions(heavy.map((citizen) => citizen.id));
    const page50: ReadRequest[] = [];
    for (const citizen of heavy) {
      // The keyset position after 49 pages of 20.
      const { rows } = await context.pool.query<{ last_activity_at: Date; id: string }>(
        `select last_activity_at, id from thread where citizen_id = $1 and archived = false
          order by last_activity_at desc, id desc offset 979 limit 1`,
        [citizen.id],
      );
      const row = rows[0];
      if (!row) continue;
      page50.push({ citizenId: citizen.id, after: { at: row.last_activity_at, id: row.id }, path: `/api/inbox?cursor=${encodeCursor(row.last_activity_at, row.id)}` });
    }
    const figures: Figure[] = [];
    const api = await context.startApi({ name: 'inbox-heavy' });
    try {
      for (const [label, requests] of [
        ['page 1', heavy.map((citizen) => ({ citizenId: citizen.id, path: '/api/inbox' }))],
        ['page 50', page50],
      ] as const) {
        const { ours, raw } = await runReads(context, { name: 'inbox-heavy', concurrency: 8, tokens, requests: [...requests], api });
        const p99 = ours.latency.percentile(99);
        figures.push(
          { benchmark: 'inbox-heavy', figure: `${label} req/s`, ours: round(ours.perSecond), ceiling: round(raw.perSecond), ratio: round(ours.perSecond / raw.perSecond, 2) },
          {
            benchmark: 'inbox-heavy',
            figure: `${label} p99 ms`,
            ours: round(p99, 2),
            ceiling: round(raw.latency.percentile(99), 2),
            goal: '≤ 20 ms',
            met: p99 <= 20,
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
