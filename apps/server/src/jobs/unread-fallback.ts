/** An important letter still unopened after the fallback time goes on by the next channel, once. */
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';

export function unreadFallbackHandler(runtime: DeliveryRuntime) {
  return async (payload: Record<string, unknown>): Promise<void> => {
    await runtime.store.unreadFallback(String(payload.citizenId), String(payload.messageId), runtime.clock.now(), runtime.config.unreadFallbackDays);
  };
}
