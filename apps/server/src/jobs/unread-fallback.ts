/** An important letter still unopened after the fallback time goes on by the next channel, once. */
import type { LetterJob } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';

export function unreadFallbackHandler(runtime: DeliveryRuntime) {
  return async ({ citizenId, messageId }: LetterJob): Promise<void> => {
    await runtime.store.unreadFallback(citizenId, messageId, runtime.clock.now(), runtime.config.unreadFallbackDays);
  };
}
