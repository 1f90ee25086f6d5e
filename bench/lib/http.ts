/**
 * A lean HTTP/1.1 client with keep-alive for the load generators: node:http with
 * one socket per concurrent worker, so the generator costs little CPU beside the
 * server under test.
 */
import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on('error', reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Throws unless the status is one of `expected` (an answer of either client: this or lean-http.ts). */
export function expectStatus<Response extends { status: number; body: Buffer }>(response: Response, ...expected: number[]): Response {
  if (!expected.includes(response.status)) {
    throw new Error(`HTTP ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
  return response;
}
