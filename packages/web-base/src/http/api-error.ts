import type { Problem } from '@innboks/contracts';

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

/** The answer, or null when the session is gone (401): being logged out is an answer, not an error. */
export async function nullWhenUnauthorized<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}
