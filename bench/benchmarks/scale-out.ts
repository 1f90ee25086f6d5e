import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Benchmark, Figure } from '../lib/context.ts';
import { expectStatus, HttpClient } from '../lib/http.ts';
import { recipients } from '../lib/ingest.ts';
import { letterRequest } from '../lib/letters.ts';
import { runLoad } from '../lib/load.ts';
import { round } from '../lib/stats.ts';

/**
 * Two API processes (INNBOKS_WORKER=false) and two worker processes on one
 * PostgreSQL. 16 senders post letters to both APIs in turn; one letter in ten goes
 * to both APIs at the same moment (a sender retrying through the load balancer).
 * Then the workers drain the queue, and we check: every acknowledged letter stored
 * once, every identifier once, every letter delivered exactly once on the channel its
 * plan chose (inbox, digital mailbox or paper), no dead job,
 * and both workers took jobs.
 */
/** Where a letter itself goes; SMS and e-mail are notices about it, not deliveries. */
const letterChannels = ['inbox', 'digital-mailbox', 'paper'];

export const scaleOut: Benchmark = {
  name: 'scale-out',
  description: '2 API + 2 worker processes on one PostgreSQL: no letter lost or duplicated, each delivered once',
  needsDataset: false,
  async run(context) {
    const { durationS } = context.options;
    const sender = context.senderOf('gp');
    const nationalIds = await recipients(context, 2_000);
    const identifierSystem = `urn:oid:2.16.578.1.12.4.1.4.101.99.scale.${randomBytes(4).toString('hex')}`;
    // Only this scenario's jobs in the queue, so "drained" means ours are done.
    await context.pool.query(`delete from job where kind = 'deliver-letter'`);

    const apiA = await context.startApi({ name: 'scale-api-a' });
    // Behind one address in production; here B names A as its public URL (the token issuer).
    const apiB = await context.startApi({ name: 'scale-api-b', publicUrl: apiA.baseUrl });
    const workers = [await context.startWorker({ name: 'scale-worker-1' }), await context.startWorker({ name: 'scale-worker-2' })];
    const workerIds = new Set<string>();
    const watch = setInterval(() => {
      context.pool
        .query<{ locked_by: string }>(`select distinct locked_by from job where state = 'running' and locked_by is not null`)
        .then(({ rows }) => rows.forEach((row) => workerIds.add(row.locked_by.replace(/-[0-9a-f]{8}$/, ''))))
        .catch(() => undefined);
    }, 50);
    try {
      const token = await apiA.tokenFor(sender.clientId);
      const clients = [new HttpClient(apiA.baseUrl, 16), new HttpClient(apiB.baseUrl, 16)];
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
      const acknowledged = new Map<string, string>();
      let conflicts = 0;
      let racedPairs = 0;
      const post = async (client: HttpClient, body: string) => {
        const response = expectStatus(await client.request('POST', '/fhir/R4/Communication', headers, body), 200, 201);
        return (JSON.parse(response.body.toString('utf8')) as { id: string }).id;
      };
      const started = Date.now();
      const load = await runLoad({ concurrency: 16, durationMs: durationS * 1000, maxOperations: 20_000 }, async (_worker, sequence) => {
        const identifierValue = `letter-${sequence}`;
        const request = letterRequest({
          organizationNumber: sender.organizationNumber,
          nationalId: nationalIds[sequence % nationalIds.length]!,
          identifierSystem,
          identifierValue,
        });
        if (sequence % 10 === 0) {
          // The same letter to both APIs at once: one stores it, both answer with its id.
          racedPairs++;
          const [first, second] = await Promise.all([post(clients[0]!, request.body), post(clients[1]!, request.body)]);
          if (first !== second) conflicts++;
          acknowledged.set(identifierValue, first);
        } else {
          acknowledged.set(identifierValue, await post(clients[sequence % 2]!, request.body));
        }
      });
      const postedSeconds = (Date.now() - started) / 1000;
      clients.forEach((client) => client.close());

      // The workers drain the queue: every letter of the run reaches its end (delivered
      // on a channel, or not-done), and no job is due now. Notices may wait longer (quiet
      // hours, the notice window) and unread fallbacks are days away; they are not letters.
      const drainStarted = Date.now();
      for (;;) {
        const { rows } = await context.pool.query<{ open_letters: number; due_jobs: number }>(
          `select (select count(*)::int from message
                    where organization_id = (select id from organization where org_number = $1) and identifier_system = $2
                      and status not in ('completed', 'not-done')) as open_letters,
                  (select count(*)::int from job where state <> 'dead' and kind in ('deliver-letter', 'send-digital-mailbox', 'print-letter') and run_at <= now()) as due_jobs`,
          [sender.organizationNumber, identifierSystem],
        );
        if (rows[0]!.open_letters === 0 && rows[0]!.due_jobs === 0) break;
        if (Date.now() - drainStarted > 180_000) throw new Error(`not drained in 180 s (${rows[0]!.open_letters} letters open, ${rows[0]!.due_jobs} jobs due)`);
        await sleep(100);
      }
      const drainSeconds = (Date.now() - drainStarted) / 1000;

      // A letter is delivered once it reached one channel: the inbox for a citizen with
      // a portal user, else the digital mailbox, else paper (the channel plan).
      const { rows } = await context.pool.query<{ identifier_value: string; id: string; status: string; delivered_attempts: number; delivered_events: number; queued_at: Date; delivered_at: Date | null; unreachable_reason: string | null }>(
        `select m.identifier_value, m.id, m.status,
                (select min(d.reason) from dead_letter d where d.citizen_id = m.citizen_id and d.message_id = m.id and d.step = 'plan') as unreachable_reason,
                (select count(*)::int from delivery_attempt a where a.citizen_id = m.citizen_id and a.message_id = m.id and a.channel = any($3) and a.state in ('delivered', 'read')) as delivered_attempts,
                (select count(*)::int from delivery_event e where e.message_id = m.id and e.channel = any($3) and e.state = 'delivered') as delivered_events,
                m.sent_at as queued_at,
                (select min(e.at) from delivery_event e where e.message_id = m.id and e.channel = any($3) and e.state = 'delivered') as delivered_at
           from message m
          where m.organization_id = (select id from organization where org_number = $1) and m.identifier_system = $2`,
        [sender.organizationNumber, identifierSystem, letterChannels],
      );
      const stored = new Map<string, number>();
      for (const row of rows) stored.set(row.identifier_value, (stored.get(row.identifier_value) ?? 0) + 1);
      const storedIds = new Set(rows.map((row) => `${row.identifier_value}|${row.id}`));
      const lost = [...acknowledged].filter(([identifier, id]) => !storedIds.has(`${identifier}|${id}`)).length;
      const duplicated = [...stored.values()].filter((count) => count > 1).length;
      // A citizen no channel can reach (no portal user, no digital mailbox, no address in
      // the population register — the generated citizens are not all in the register
      // stand-in) is handled when the letter is not-done with a dead letter saying why.
      const unreachable = rows.filter((row) => row.status === 'not-done' && row.delivered_attempts === 0 && row.unreachable_reason !== null);
      const notDelivered = rows.filter((row) => (row.delivered_attempts === 0 || row.status !== 'completed') && !unreachable.includes(row)).length;
      const deliveredTwice = rows.filter((row) => row.delivered_events > 1).length;
      const dead = await context.pool.query<{ count: number }>(`select count(*)::int as count from job where state = 'dead'`);
      const toDelivered = rows
        .filter((row) => row.delivered_at)
        .map((row) => row.delivered_at!.getTime() - row.queued_at.getTime())
        .sort((a, b) => a - b);
      const p95 = toDelivered[Math.floor(toDelivered.length * 0.95)] ?? Number.NaN;
      const ok = lost === 0 && duplicated === 0 && conflicts === 0 && notDelivered === 0 && deliveredTwice === 0 && dead.rows[0]!.count === 0;
      const figures: Figure[] = [
        {
          benchmark: 'scale-out',
          figure: 'letters acknowledged / stored',
          ours: `${acknowledged.size} / ${rows.length}`,
          goal: 'equal, none lost',
          met: lost === 0 && acknowledged.size === rows.length,
          note: `${racedPairs} letters sent to both APIs at once; ${conflicts} answered with different ids`,
        },
        { benchmark: 'scale-out', figure: 'lost / duplicated / delivered twice', ours: `${lost} / ${duplicated} / ${deliveredTwice}`, goal: '0 / 0 / 0', met: ok },
        { benchmark: 'scale-out', figure: 'not delivered / dead jobs', ours: `${notDelivered} / ${dead.rows[0]!.count}`, goal: '0 / 0', met: notDelivered === 0 && dead.rows[0]!.count === 0 },
        {
          benchmark: 'scale-out',
          figure: 'unreachable: not-done + dead letter',
          ours: unreachable.length,
          goal: 'reported',
          ...(unreachable[0] ? { note: `reason given: ${unreachable[0].unreachable_reason}` } : {}),
        },
        { benchmark: 'scale-out', figure: 'workers that took jobs', ours: `${workerIds.size} of 2`, goal: '2 of 2', met: workerIds.size === 2 },
        {
          benchmark: 'scale-out',
          figure: 'letters/s through 2 APIs',
          ours: round(load.operations / postedSeconds),
          goal: 'reported',
          note: `queue drained ${round(drainSeconds, 1)} s after the last letter; saved→delivered p95 ${round(p95 / 1000, 2)} s`,
        },
      ];
      return figures;
    } finally {
      clearInterval(watch);
      for (const process of [apiA, apiB, ...workers]) await process.stop();
    }
  },
};
