/**
 * A local HTTP server standing in for an outside service in tests and benchmarks,
 * over a real connection. It answers 200 through a responder, or — when told —
 * 500, 429 with Retry-After, 400 (rejection), or not at all (hang). Every request is
 * recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

export type ServiceMode = 'ok' | 'error' | 'throttle' | 'reject' | 'hang';

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  at: number;
  answered: ServiceMode;
}

export type Responder = (body: Record<string, unknown>, request: { path: string; headers: IncomingMessage['headers'] }) => { status?: number; body: unknown };

export interface TestHttpService {
  url: string;
  requests: RecordedRequest[];
  /** How every request is answered from now on. */
  mode: ServiceMode;
  /** Answers for the next requests, in order, before `mode` applies again. */
  next(...modes: ServiceMode[]): void;
  retryAfterSeconds: number;
  close(): Promise<void>;
}

export async function startTestHttpService(responder: Responder, options: { port?: number } = {}): Promise<TestHttpService> {
  const queue: ServiceMode[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const service: TestHttpService = {
    url: '',
    requests: [],
    mode: 'ok',
    retryAfterSeconds: 2,
    next: (...modes) => queue.push(...modes),
    close: async () => {
      for (const response of hanging) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const mode = queue.shift() ?? service.mode;
      const path = request.url ?? '/';
      service.requests.push({ path, headers: request.headers, body, at: Date.now(), answered: mode });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(payload));
      };
      switch (mode) {
        case 'ok': {
          const answer = responder(body, { path, headers: request.headers });
          send(answer.status ?? 200, answer.body);
          return;
        }
        case 'error':
          send(500, { error: 'internal error (test)' });
          return;
        case 'throttle':
          send(429, { error: 'slow down (test)' }, { 'retry-after': String(service.retryAfterSeconds) });
          return;
        case 'reject':
          send(400, { error: 'rejected (test)' });
          return;
        case 'hang':
          hanging.add(response);
          return;
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const address = server.address();
  service.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return service;
}

/** An SMS gateway: answers with a message id, the same one for a repeated reference. */
export function smsGatewayResponder(): Responder {
  const ids = new Map<string, string>();
  return (body) => {
    const reference = String(body.reference ?? '');
    if (!ids.has(reference)) ids.set(reference, `sms-${randomUUID()}`);
    return { status: 202, body: { id: ids.get(reference) } };
  };
}

/** A digital mailbox: a receipt per letter id, the same one for a repeat. */
export function digitalMailboxResponder(): Responder {
  const receipts = new Map<string, { receiptId: string; receivedAt: string }>();
  return (body) => {
    const letterId = String(body.letterId ?? '');
    if (!receipts.has(letterId)) receipts.set(letterId, { receiptId: `receipt-${randomUUID()}`, receivedAt: new Date().toISOString() });
    return { status: 201, body: receipts.get(letterId) };
  };
}

/** A print service: a job id per letter id. */
export function printServiceResponder(): Responder {
  const jobs = new Map<string, string>();
  return (body) => {
    const letterId = String(body.letterId ?? '');
    if (!jobs.has(letterId)) jobs.set(letterId, `print-${randomUUID()}`);
    return { status: 201, body: { printJobId: jobs.get(letterId) } };
  };
}

/**
 * A register answering from a table by national id; 404 for anyone else (left out of a
 * lookup-many). With `relations`, `/relations` answers from it (someone in the table
 * without an entry has no relations).
 */
export function registerResponder(table: Map<string, unknown>, relations?: Map<string, unknown>): Responder {
  return (body, { path }) => {
    if (relations && path.endsWith('/relations')) {
      const nationalId = String(body.nationalId ?? '');
      if (!table.has(nationalId)) return { status: 404, body: { error: 'not found' } };
      return { body: relations.get(nationalId) ?? { confidentialAddress: false, responsibleFor: [], responsibleAdults: [] } };
    }
    if (path.endsWith('/lookup-many')) {
      const ids = Array.isArray(body.nationalIds) ? body.nationalIds.map(String) : [];
      return { body: { people: ids.flatMap((nationalId) => (table.has(nationalId) ? [{ nationalId, ...(table.get(nationalId) as object) }] : [])) } };
    }
    const entry = table.get(String(body.nationalId ?? ''));
    return entry ? { body: entry } : { status: 404, body: { error: 'not found' } };
  };
}

/** Distinct keys that were answered 2xx, and how many repeats of a key came in. */
export function deliveredKeys(requests: RecordedRequest[], key: (request: RecordedRequest) => string): { distinct: Map<string, RecordedRequest>; repeats: number } {
  const distinct = new Map<string, RecordedRequest>();
  let repeats = 0;
  for (const request of requests) {
    if (request.answered !== 'ok') continue;
    const value = key(request);
    if (distinct.has(value)) repeats += 1;
    else distinct.set(value, request);
  }
  return { distinct, repeats };
}
