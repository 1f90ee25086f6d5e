/**
 * Read benchmarks: GET requests with citizen sessions against a server process,
 * beside the raw ceiling — the same SQL the server runs for the request (the session,
 * the page and the unread counts in one statement), sent straight with `pg` as
 * prepared statements at the same concurrency.
 */
import pg from 'pg';
import type { ApiServer, BenchContext } from './context.ts';
import { LeanHttpClient } from './lean-http.ts';
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

/**
 * The server's statement for the inbox screen (`readAsCitizen` with
 * `CitizenInbox.pageWithUnreadCountsSql`): the session, and for its citizen the unread
 * counts and the page of 20 built as JSON by PostgreSQL, in one statement.
 */
function inboxSql(sessionId: string, request: ReadRequest): { name?: string; text: string; values: unknown[] } {
  const values: unknown[] = [sessionId, 20];
  let where = 'citizen_id = s.citizen_id and archived = false';
  if (request.query) {
    values.push(request.query);
    where += ` and search @@ websearch_to_tsquery('norwegian', $${values.length})`;
  }
  if (request.after) {
    values.push(request.after.at, request.after.id);
    where += ` and (last_activity_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`;
  }
  const text = `select s.id as session_id, s.citizen_id as session_citizen_id, s.last_seen_at as session_last_seen_at,
      s.expires_at as session_expires_at, c.national_id as session_national_id, c.name as session_name, r.*
    from citizen_session s join citizen c on c.id = s.citizen_id
    left join lateral (
      select counts.unread as unread_counts, page.items, page.next_at, page.next_id
      from (
        select coalesce(json_object_agg(category, count), '{}'::json) as unread
        from (select category, count(*) as count from thread where citizen_id = s.citizen_id and unread and not archived group by category) as per_category
      ) as counts
      cross join lateral (
        select
          coalesce(json_agg(json_build_object(
            'id', id, 'subject', subject, 'senderName', sender_name, 'category', category, 'lastActivityAt', at,
            'unread', unread, 'archived', archived, 'hasAttachments', has_attachments, 'messageCount', message_count
          ) order by position) filter (where position <= $2), '[]'::json)::text as items,
          min(at) filter (where position = $2 and more) as next_at,
          min(id::text) filter (where position = $2 and more) as next_id
        from (
          select *, to_char(last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            row_number() over (order by last_activity_at desc, id desc) as position,
            count(*) over () > $2 as more
          from (
            select id, subject, sender_name, category, last_activity_at, unread, archived, has_attachments, message_count from thread
            where ${where} order by last_activity_at desc, id desc limit $2 + 1
          ) as page_rows
        ) as page
      ) as page
    ) as r on true
    where s.id = $1`;
  // Named (prepared) as the server sends it, except a search: planned with its words (a generic plan of the search is a poor one).
  return request.query ? { text, values } : { name: `raw-inbox-${request.after ? 'after' : 'first'}`, text, values };
}

/**
 * The raw side reads as lean as the HTTP side (lean-http.ts): rows as arrays of the
 * text PostgreSQL sent, with no parsing into dates and numbers.
 */
const asText = (value: string) => value;
const lean = { rowMode: 'array', types: { getTypeParser: () => asText } } as const;

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
  const client = new LeanHttpClient(api.baseUrl, options.concurrency);
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
    ours = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000, serverPids: [api.pid] }, async (worker) => {
      const request = pick();
      const token = options.tokens.get(request.citizenId)!;
      const response = await client.get(worker, request.path, { cookie: `innboks_session=${token}`, accept: 'application/json' });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
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
    const page = await rawPool.query({ ...inboxSql(sessionIds.get(request.citizenId)!, request), ...lean });
    if (page.rowCount !== 1) throw new Error('no session');
  });
  await rawPool.end();
  return { ours, raw, memory: { sampledPeakMb, peakMb } };
}
