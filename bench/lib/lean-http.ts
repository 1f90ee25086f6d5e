/**
 * The read benchmarks' HTTP client, leaner than node:http (http.ts): one keep-alive
 * connection per closed-loop worker, the request written as one prebuilt string, and
 * the answer read only as far as the status line, Content-Length and the body bytes.
 * On two cores the load generator shares the CPU with the server and PostgreSQL, so
 * what it spends is taken from what it measures; node:http's agent, header objects
 * and streams cost about as much CPU per request as PostgreSQL does. The raw ceiling
 * beside it reads its rows just as lean (reads.ts), so both sides still measure the
 * same work.
 */
import net from 'node:net';

export interface LeanResponse {
  status: number;
  body: Buffer;
}

const headerEnd = Buffer.from('\r\n\r\n');

class Connection {
  private socket: net.Socket | undefined;
  private received: Buffer | undefined;
  private waiting: { resolve: (response: LeanResponse) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** A string is the request head alone (latin1); a Buffer is the whole request, body included. */
  send(request: string | Buffer): Promise<LeanResponse> {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    const socket = this.socket ?? this.connect();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      if (typeof request === 'string') socket.write(request, 'latin1');
      else socket.write(request);
    });
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.setTimeout(30_000, () => socket.destroy(new Error('timed out')));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.received = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    this.socket = socket;
    return socket;
  }

  private onData(chunk: Buffer): void {
    const data = this.received ? Buffer.concat([this.received, chunk]) : chunk;
    const end = data.indexOf(headerEnd);
    if (end < 0) {
      this.received = data;
      return;
    }
    const head = data.toString('latin1', 0, end);
    const length = contentLength(head);
    if (length === undefined) {
      this.socket?.destroy(new Error(`answer without Content-Length: ${head.slice(0, 200)}`));
      return;
    }
    const bodyStart = end + headerEnd.length;
    if (data.length < bodyStart + length) {
      this.received = data;
      return;
    }
    this.received = data.length > bodyStart + length ? data.subarray(bodyStart + length) : undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status: Number(head.slice(9, 12)), body: data.subarray(bodyStart, bodyStart + length) });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }
}

function contentLength(head: string): number | undefined {
  const lower = head.toLowerCase();
  const at = lower.indexOf('\r\ncontent-length:');
  if (at < 0) return undefined;
  const from = at + '\r\ncontent-length:'.length;
  const to = lower.indexOf('\r\n', from);
  return Number.parseInt(lower.slice(from, to < 0 ? undefined : to).trim(), 10);
}

function requestHead(method: string, path: string, host: string, headers: Record<string, string>): string {
  let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  return head;
}

/** A whole request with a body (UTF-8), its Content-Length counted in bytes. */
function requestWithBody(method: string, path: string, host: string, headers: Record<string, string>, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head = `${requestHead(method, path, host, headers)}content-length: ${bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/** Requests over one keep-alive connection per worker (`worker` < `connections`). */
export class LeanHttpClient {
  private readonly connections: Connection[];
  private readonly hostHeader: string;

  constructor(baseUrl: string, connections: number) {
    const url = new URL(baseUrl);
    this.hostHeader = url.host;
    this.connections = Array.from({ length: connections }, () => new Connection(url.hostname, Number(url.port || 80)));
  }

  get(worker: number, path: string, headers: Record<string, string>): Promise<LeanResponse> {
    const connection = this.connections[worker];
    if (!connection) throw new Error(`no connection for worker ${worker}`);
    return connection.send(`${requestHead('GET', path, this.hostHeader, headers)}\r\n`);
  }

  post(worker: number, path: string, headers: Record<string, string>, body: string): Promise<LeanResponse> {
    const connection = this.connections[worker];
    if (!connection) throw new Error(`no connection for worker ${worker}`);
    return connection.send(requestWithBody('POST', path, this.hostHeader, headers, body));
  }

  close(): void {
    for (const connection of this.connections) connection.close();
  }
}

/**
 * The writing benchmarks' client: requests with a body (a letter) over at most
 * `connections` keep-alive connections, each request on a free one, as node:http's
 * agent does, without its cost. A request made while every connection is busy waits
 * for one.
 */
export class LeanHttpPool {
  private readonly idle: Connection[] = [];
  private readonly queued: ((connection: Connection) => void)[] = [];
  private readonly hostHeader: string;
  private readonly all: Connection[];

  constructor(baseUrl: string, connections: number) {
    const url = new URL(baseUrl);
    this.hostHeader = url.host;
    this.all = Array.from({ length: connections }, () => new Connection(url.hostname, Number(url.port || 80)));
    this.idle.push(...this.all);
  }

  async request(method: string, path: string, headers: Record<string, string>, body: string): Promise<LeanResponse> {
    const request = requestWithBody(method, path, this.hostHeader, headers, body);
    const connection = this.idle.pop() ?? (await new Promise<Connection>((resolve) => this.queued.push(resolve)));
    try {
      return await connection.send(request);
    } finally {
      const next = this.queued.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  close(): void {
    for (const connection of this.all) connection.close();
  }
}
