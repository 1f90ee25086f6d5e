import { problemSchema, type Problem } from '@innboks/contracts';
import { ApiError } from './api-error.ts';
import { csrfHeaderName, readCookie } from './csrf.ts';

/** Anything with a zod-style `parse`; every response body goes through one. */
export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface HttpClientOptions {
  /** Where the app is served ('/' or '/ansatt/'); request paths are relative to it. */
  basePath: string;
  /** The cookie the server puts the app's CSRF token in. */
  csrfCookieName: string;
}

export type Request = <T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions) => Promise<T>;

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The app's `request`: calls the server on the same origin, cookies included, below the
 * app's base path. State-changing requests carry the CSRF header. The body is checked
 * against `schema`, so a contract drift fails loudly here.
 */
export function createHttpClient({ basePath, csrfCookieName }: HttpClientOptions): { request: Request } {
  const prefix = basePath.replace(/\/+$/, '');

  async function request<T>(path: string, schema: ResponseSchema<T>, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const headers = new Headers({ Accept: 'application/json' });
    if (method !== 'GET') {
      const token = readCookie(csrfCookieName);
      if (token !== undefined) headers.set(csrfHeaderName, token);
    }
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');

    const response = await fetch(`${prefix}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });

    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return schema.parse(await response.json());
  }

  return { request };
}
