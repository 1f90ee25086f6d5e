/**
 * Read benchmarks: inbox requests (GET, or a search's POST) with citizen sessions against a server process,
 * beside the raw ceiling — the same SQL the server runs for the request (the session,
 * the page and the unread counts in one statement), sent straight with `pg` as
 * prepared statements at the same concurrency.
 */
import pg from 'pg';
import { CitizenInbox, sessionWithReadSql } from '@innboks/db';
import { compileOnly as compiler } from '@innboks/db/testing';
import type { ApiServer, BenchContext } from './context.ts';
import { LeanHttpClient } from './lean-http.ts';
import { runLoad, type LoadResult } from './load.ts';

export interface ReadRequest {
  citizenId: string;
  path: string;
  /** A search's JSON body, POSTed to `path` (with the CSRF header); without it a GET. */
  body?: string;
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
 * The server's own statement for the inbox screen, compiled from its code
 * (`sessionWithReadSql` with `CitizenInbox.pageWithUnreadCountsSql`, as the inbox
 * guard runs it): the session, and for its citizen the unread counts and the page of 20
 * built as JSON by PostgreSQL, in one statement.
 */
function inboxSql(sessionId: string, request: ReadRequest): { name?: string; text: string; values: unknown[] } {
  const page = { archived: false, limit: 20, query: request.query, cursor: request.after ? encodeCursor(request.after.at, request.after.id) : undefined };
  const compiled = sessionWithReadSql(sessionId, (citizenId) => CitizenInbox.pageWithUnreadCountsSql(citizenId, page), { prepared: false }).compile(compiler);
  const statement = { text: compiled.sql, values: [...compiled.parameters] };
  // Named (prepared) as the server sends it, except a search: planned with its words (a generic plan of the search is a poor one).
  return request.query ? statement : { name: `raw-inbox-${request.after ? 'after' : 'first'}`, ...statement };
}

/**
 * The raw side reads as lean as the HTTP side (lean-http.ts): rows as arrays of the
 * text PostgreSQL sent, with no parsing into dates and numbers.
 */
const asText = (value: string) => value;

/** Any value does for the double-submit check: the cookie and the header only have to match. */
const benchCsrf = 'bench-csrf';
const searchHeaders = { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': benchCsrf };
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
      const response = request.body
        ? await client.post(worker, request.path, { ...searchHeaders, cookie: `innboks_session=${token}; innboks_csrf=${benchCsrf}` }, request.body)
        : await client.get(worker, request.path, { cookie: `innboks_session=${token}`, accept: 'application/json' });
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
