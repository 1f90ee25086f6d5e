/** Every delivery job kind with its handler. */
import { deliveryJobs } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import type { JobHandler } from './worker.ts';
import { deliverLetterHandler } from './deliver-letter.ts';
import { sendNoticeHandler } from './send-notice.ts';
import { sendDigitalMailboxHandler } from './send-digital-mailbox.ts';
import { printLetterHandler } from './print-letter.ts';
import { unreadFallbackHandler } from './unread-fallback.ts';

export function deliveryJobHandlers(runtime: DeliveryRuntime): Record<string, JobHandler> {
  return {
    [deliveryJobs.plan]: deliverLetterHandler(runtime),
    [deliveryJobs.sendNotice]: sendNoticeHandler(runtime),
    [deliveryJobs.digitalMailbox]: sendDigitalMailboxHandler(runtime),
    [deliveryJobs.print]: printLetterHandler(runtime),
    [deliveryJobs.unreadFallback]: unreadFallbackHandler(runtime),
  };
}
