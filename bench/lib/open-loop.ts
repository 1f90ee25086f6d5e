/**
 * An open-loop load generator: request i is due at start + i / rate, whether or not
 * the earlier ones have been answered, so a slow server sees the load it would see
 * in production instead of the load it can take (a closed loop slows down with the
 * server and hides the queue). In-flight requests are bounded; a request due while
 * every slot is busy is not sent and counted as `skipped`, and one the generator's
 * own event loop started more than `lateAfterMs` after its time is counted as `late`,
 * so the offered rate that really reached the server is known.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface OpenLoopOptions {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight: number;
  /** A start later than this after its due time counts as late (default 100 ms). */
  lateAfterMs?: number;
}

export interface OpenLoopResult {
  /** Requests due in the run: rate × duration. */
  scheduled: number;
  started: number;
  /** Due while `maxInFlight` were in flight: not sent. */
  skipped: number;
  /** Started, but later than `lateAfterMs` after their time. */
  late: number;
  succeeded: number;
  errors: number;
  firstError: string | undefined;
  /** From the first due time to the last answer. */
  seconds: number;
}

export async function runOpenLoop(options: OpenLoopOptions, task: (sequence: number) => Promise<void>): Promise<OpenLoopResult> {
  const intervalMs = 1000 / options.ratePerSecond;
  const scheduled = Math.floor((options.durationMs / 1000) * options.ratePerSecond);
  const lateAfterMs = options.lateAfterMs ?? 100;
  const result: OpenLoopResult = { scheduled, started: 0, skipped: 0, late: 0, succeeded: 0, errors: 0, firstError: undefined, seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  const begin = performance.now();

  const start = (sequence: number) => {
    const running: Promise<void> = task(sequence)
      .then(() => {
        result.succeeded++;
      })
      .catch((error: unknown) => {
        result.errors++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
    result.started++;
  };

  for (let sequence = 0; sequence < scheduled; ) {
    const now = performance.now();
    for (; sequence < scheduled && begin + sequence * intervalMs <= now; sequence++) {
      if (inFlight.size >= options.maxInFlight) {
        result.skipped++;
        continue;
      }
      if (now - (begin + sequence * intervalMs) > lateAfterMs) result.late++;
      start(sequence);
    }
    // A timer of about a millisecond: requests go out in small bursts of 1–2 at 500/s.
    if (sequence < scheduled) await sleep(Math.max(0, Math.min(intervalMs, begin + sequence * intervalMs - performance.now())));
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - begin) / 1000;
  return result;
}
