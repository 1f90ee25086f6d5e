import { problemSchema, type Problem } from '@innboks/contracts';

/** The server sets this cookie (readable by script, path /ansatt) and expects it back in `X-CSRF-Token`. */
export const csrfCookieName = 'innboks_staff_csrf';

export function readCsrfToken(cookieString: string = document.cookie): string | undefined {
  for (const pair of cookieString.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== csrfCookieName) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/** Calls the staff API on the same origin; state-changing requests carry the CSRF header; bodies are checked against the contract. */
export async function request<T>(path: string, schema: ResponseSchema<T>, options: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token !== undefined) headers.set('X-CSRF-Token', token);
  }
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      const parsed = problemSchema.safeParse(await response.json());
      problem = parsed.success ? parsed.data : undefined;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem);
  }
  return schema.parse(await response.json());
}
