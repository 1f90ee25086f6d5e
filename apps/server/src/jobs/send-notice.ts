/**
 * Sends one notice (which may stand for several letters). The store decides whether
 * it may go now (window, quiet hours, another on its way, all letters already read)
 * and marks it `sending` before the call; the gateway gets the notice id as its
 * reference every time, so a try after a crash is not a second notice.
 */
import type { JobRow } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { runStep } from './step.ts';

export function sendNoticeHandler(runtime: DeliveryRuntime) {
  return async (payload: Record<string, unknown>, job?: JobRow): Promise<void> => {
    const { store, adapters, clock, noticeText } = runtime;
    const citizenId = String(payload.citizenId);
    const noticeId = String(payload.noticeId);
    const start = await store.beginNotice(citizenId, noticeId, clock.now());
    if (start.action !== 'send') return;
    const outcome = await runStep(job, () =>
      start.channel === 'sms'
        ? adapters.sms.send({ to: start.recipient, text: noticeText.sms, reference: noticeId })
        : adapters.email.send({ to: start.recipient, subject: noticeText.emailSubject, text: noticeText.emailText, reference: noticeId }),
    );
    if (outcome.ok) await store.noticeSent(citizenId, noticeId, clock.now(), outcome.value.providerId);
    else await store.noticeFailed(citizenId, noticeId, clock.now(), outcome.reason, outcome.attempts);
  };
}
