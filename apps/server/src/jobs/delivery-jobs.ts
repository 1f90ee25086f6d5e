/** Every job kind of the registry (@innboks/db job-kinds.ts) with its handler; the type makes a kind without one a compile error. */
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import type { JobHandlers } from './worker.ts';
import { deliverLetterHandler } from './deliver-letter.ts';
import { sendNoticeHandler } from './send-notice.ts';
import { sendDigitalMailboxHandler } from './send-digital-mailbox.ts';
import { printLetterHandler } from './print-letter.ts';
import { unreadFallbackHandler } from './unread-fallback.ts';
import { expireFormTaskHandler, formReceiptHandler } from './form-jobs.ts';
import { sendDialogAnswerHandler } from './send-dialog-answer.ts';

export function deliveryJobHandlers(runtime: DeliveryRuntime): JobHandlers {
  return {
    'deliver-letter': deliverLetterHandler(runtime),
    'send-notice': sendNoticeHandler(runtime),
    'send-digital-mailbox': sendDigitalMailboxHandler(runtime),
    'print-letter': printLetterHandler(runtime),
    'unread-fallback': unreadFallbackHandler(runtime),
    'expire-form-task': expireFormTaskHandler(runtime.db, runtime.clock),
    'form-receipt': formReceiptHandler(runtime.db, runtime.clock),
    'send-dialog-answer': sendDialogAnswerHandler(runtime),
  };
}
