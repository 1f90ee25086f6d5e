/**
 * How a delivery step treats a failure of an outside system: a transient one is
 * thrown back to the worker, which tries again with capped exponential backoff and
 * jitter (no sooner than a Retry-After); a permanent one, or the last try, gives up
 * at once so the next channel can start.
 */
import { ChannelError, isChannelError } from '@innboks/core';
import type { JobRow } from '@innboks/db';

/** What a step needs of its job: how many tries it has had, and may have. */
type Tries = Pick<JobRow, 'attempts' | 'max_attempts'>;

export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

export type StepOutcome<T> = { ok: true; value: T } | { ok: false; reason: string; attempts: number };

export async function runStep<T>(job: Tries | undefined, call: () => Promise<T>): Promise<StepOutcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return failedStep(job, error);
  }
}

/**
 * What a failed call means for one job: a permanent failure or the last try is an
 * outcome; a transient one with tries left throws RetryLater. One call made for a
 * batch of jobs is judged for each job by its own tries.
 */
export function failedStep(job: Tries | undefined, error: unknown): { ok: false; reason: string; attempts: number } {
  const failure = isChannelError(error) ? error : new ChannelError('transient', error instanceof Error ? error.message : String(error), { cause: error });
  const attempts = job?.attempts ?? 1;
  const lastTry = !job || job.attempts >= job.max_attempts;
  if (failure.failure === 'permanent') return { ok: false, reason: `rejected: ${failure.message}`, attempts };
  if (lastTry) return { ok: false, reason: `gave up after ${attempts} tries: ${failure.message}`, attempts };
  throw new RetryLater(failure.message, failure.retryAfterMs);
}
