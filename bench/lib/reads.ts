/**
 * Read benchmarks: GET requests with citizen sessions against a server process,
 * beside the raw ceiling — the same SQL the server runs for the request (session
 * lookup, then the page and the unread counts side by side), sent straight with
 * `pg` as prepared statements at the same concurrency.
 */
import pg from 'pg';
import type { ApiServer, BenchContext } from './context.ts';
import { expectStatus, HttpClient } from './http.ts';
import { runLoad, type LoadResult } from './load.ts';

export interface ReadRequest {
  citizenId: string;
  path: string;
  /** The page's keyset position, when not the first page. */
  after?: { at: Date; id: string };
  query?: string;
}

export interface ReadResult {
  ours: LoadResult;
  raw: LoadResult;
  /** Highest VmRSS seen while the load ran, and VmHWM at the end (MB). */
  memory: { sampledPeakMb: number; peakMb: number };
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

const sessionSql = `select s.id, s.citizen_id, s.last_seen_at, s.expires_at, c.national_id, c.name
  from citizen_session s join citizen c on c.id = s.citizen_id where s.id = $1`;
const unreadSql = `select category, count(*) as count from thread
  where citizen_id = $1 and unread = true and archived = false group by category`;
const threadColumns = 'id, citizen_id, organization_id, category, subject, sender_name, important, unread, archived, has_attachments, message_count, last_activity_at, created_at';

function pageSql(request: ReadRequest): { text: string; values: unknown[] } {
  const values: unknown[] = [request.citizenId];
  let where = 'citizen_id = $1 and archived = false';
  if (request.query) {
    values.push(request.query);
    where += ` and search @@ websearch_to_tsquery('norwegian', $${values.length})`;
  }
  if (request.after) {
    values.push(request.after.at, request.after.id);
    where += ` and (last_activity_at, id) < ($${values.length - 1}, $${values.length})`;
  }
  // Unnamed, as the server sends it: planned with the values (a generic plan of the search is a poor one).
  return { text: `select ${threadColumns} from thread where ${where} order by last_activity_at desc, id desc limit 21`, values };
}

export async function runReads(
  context: BenchContext,
  options: {
    name: string;
    concurrency: number;
    requests: ReadRequest[];
    tokens: Map<string, string>;
    api?: ApiServer;
  },
): Promise<ReadResult> {
  const { durationS, warmupS } = context.options;
  const api = options.api ?? (await context.startApi({ name: options.name }));
  const client = new HttpClient(api.baseUrl, options.concurrency);
  const pick = () => options.requests[Math.floor(Math.random() * options.requests.length)]!;
  let sampledPeakMb = 0;
  const sampler = setInterval(() => {
    api
      .memory()
      .then((memory) => {
        sampledPeakMb = Math.max(sampledPeakMb, memory.rssMb);
      })
      .catch(() => undefined);
  }, 200);
  let ours: LoadResult;
  let peakMb: number;
  try {
    ours = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000, serverPids: [api.pid] }, async () => {
      const request = pick();
      const token = options.tokens.get(request.citizenId)!;
      const response = expectStatus(await client.request('GET', request.path, { cookie: `innboks_session=${token}`, accept: 'application/json' }), 200);
      if (response.body.length < 20) throw new Error('empty inbox answer');
    });
    peakMb = (await api.memory()).peakMb;
  } finally {
    clearInterval(sampler);
    client.close();
    if (!options.api) await api.stop();
  }

  const rawPool = new pg.Pool({ connectionString: context.databaseUrl, max: options.concurrency });
  const { createHash } = await import('node:crypto');
  const sessionIds = new Map([...options.tokens].map(([citizenId, token]) => [citizenId, createHash('sha256').update(token).digest('hex')]));
  const raw = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000 }, async () => {
    const request = pick();
    const session = await rawPool.query({ name: 'raw-session', text: sessionSql, values: [sessionIds.get(request.citizenId)] });
    if (session.rowCount !== 1) throw new Error('no session');
    const [page] = await Promise.all([rawPool.query(pageSql(request)), rawPool.query({ name: 'raw-unread', text: unreadSql, values: [request.citizenId] })]);
    void page;
  });
  await rawPool.end();
  return { ours, raw, memory: { sampledPeakMb, peakMb } };
}
