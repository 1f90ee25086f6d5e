import { problemSchema, type Problem } from '@innboks/contracts';
import { csrfHeaderName, readCsrfToken } from './csrf.ts';

/** Anything with a zod-style `parse`; every response body goes through one. */
export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

/** A non-2xx answer from the server, with its RFC 9457 problem details when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** True when the session is gone: the server answered 401. */
export function isUnauthorized(error: unknown): boolean {
  return isApiError(error, 401);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls the server on the same origin, cookies included. State-changing requests carry the
 * CSRF header. The body is checked against `schema`, so a contract drift fails loudly here.
 */
export async function request<T>(path: string, schema: ResponseSchema<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token !== undefined) headers.set(csrfHeaderName, token);
  }
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return schema.parse(await response.json());
}
