/**
 * JSON over HTTP for the channel and register adapters, with one rule for what a
 * failure means: no answer, a timeout, 408, 429 and 5xx are worth another try
 * (429/503 with Retry-After say when); any other 4xx is a permanent rejection.
 */
import { ChannelError } from '@innboks/core';

export interface HttpEndpoint {
  /** Base URL, e.g. https://sms.example/api */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Sent as HTTP Basic authentication. */
  basic?: { username: string; password: string } | undefined;
  timeoutMs: number;
}

export interface PostOptions {
  idempotencyKey?: string;
  /** Answer 404 with undefined instead of failing (register look-ups). */
  notFoundIsEmpty?: boolean;
}

export async function postJson<T>(endpoint: HttpEndpoint, path: string, body: unknown, options: PostOptions = {}): Promise<T | undefined> {
  const url = joinUrl(endpoint.url, path);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  else if (endpoint.basic) headers.authorization = `Basic ${Buffer.from(`${endpoint.basic.username}:${endpoint.basic.password}`).toString('base64')}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(endpoint.timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ChannelError('transient', timedOut ? `no answer from ${hostOf(url)} within ${endpoint.timeoutMs} ms` : `cannot reach ${hostOf(url)}: ${describe(error)}`, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ChannelError('transient', `answer from ${hostOf(url)} broke off: ${describe(error)}`, { cause: error });
  }
  if (response.ok) {
    if (!text) return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ChannelError('transient', `${hostOf(url)} answered ${response.status} with a body that is not JSON`);
    }
  }
  if (response.status === 404 && options.notFoundIsEmpty) return undefined;
  const summary = `${hostOf(url)} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (response.status === 429 || response.status === 408 || response.status >= 500) {
    throw new ChannelError('transient', summary, { retryAfterMs: retryAfterMs(response.headers.get('retry-after')) });
  }
  throw new ChannelError('permanent', summary);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date = new Date()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    return code ?? error.message;
  }
  return String(error);
}
