/**
 * The sweeper: every SWEEPER_INTERVAL_SECONDS it looks for delivery work that has
 * waited longer than SWEEPER_STUCK_AFTER_SECONDS with no job to do it, and queues it
 * again. Safe with several workers: a step queued twice runs once. Each round also
 * writes down the queue's depth for the operator's screen (one sample per five minutes).
 */
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';

export async function sweepDelivery(runtime: DeliveryRuntime, stuckAfterMs: number) {
  const now = runtime.clock.now();
  return runtime.store.sweep(now, new Date(now.getTime() - stuckAfterMs));
}

export function startSweeper(
  runtime: DeliveryRuntime,
  options: { intervalMs: number; stuckAfterMs: number; onSwept?: () => void; log?: { warn(object: unknown, message: string): void; error(object: unknown, message: string): void } },
) {
  let stopped = false;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = sweepDelivery(runtime, options.stuckAfterMs)
      .then(async (found) => {
        await runtime.store.sampleQueue(runtime.clock.now());
        const total = found.plans + found.channels + found.notices + found.fallbacks;
        if (total > 0) {
          options.log?.warn(found, 'sweeper queued stuck delivery work again');
          options.onSwept?.();
        }
      })
      .catch((error: unknown) => options.log?.error({ error }, 'sweeper failed'))
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
