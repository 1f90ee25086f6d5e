/**
 * Sends notices (each may stand for several letters), every notice the worker
 * claimed at once, each in the citizen's language. The store decides in one transaction which may go now (window,
 * quiet hours, another on its way, all letters already read) and marks them
 * `sending` before the calls; the gateways get each notice id as its reference every
 * time, so a try after a crash is not a second notice. The ones taken are recorded
 * together afterwards.
 */
import type { JobOf, NoticeJob, NoticeSent } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import type { BatchJobHandler } from './worker.ts';
import { runStep } from './step.ts';

export function sendNoticeHandler(runtime: DeliveryRuntime): BatchJobHandler<NoticeJob> {
  return {
    async batch(jobs: JobOf<NoticeJob>[]) {
      const { store, adapters, clock, noticeText } = runtime;
      const failures = new Map<JobOf<NoticeJob>, unknown>();
      const refs = jobs.map((job) => ({ citizenId: job.payload.citizenId, noticeId: job.payload.noticeId }));
      const starts = await store.beginNotices(refs, clock.now());
      const sent: NoticeSent[] = [];
      const gaveUp: { citizenId: string; noticeId: string; reason: string; attempts: number }[] = [];
      // A notice queued twice goes once; its other job just ends.
      const sending = new Set<string>();
      await Promise.all(
        jobs.map(async (job, index) => {
          const ref = refs[index]!;
          const start = starts.get(ref.noticeId);
          if (start?.action !== 'send' || sending.has(ref.noticeId)) return;
          sending.add(ref.noticeId);
          const text = noticeText(start.language, start.concerns);
          try {
            const outcome = await runStep(job, () =>
              start.channel === 'sms'
                ? adapters.sms.send({ to: start.recipient, text: text.sms, reference: ref.noticeId })
                : adapters.email.send({ to: start.recipient, subject: text.emailSubject, text: text.emailText, reference: ref.noticeId }),
            );
            if (outcome.ok) {
              sent.push({ ...ref, providerId: outcome.value.providerId });
              runtime.metrics?.noticeHandedOff(start.channel, (clock.now().getTime() - job.created_at.getTime()) / 1000);
            }
            else gaveUp.push({ ...ref, reason: outcome.reason, attempts: outcome.attempts });
          } catch (retry) {
            failures.set(job, retry);
          }
        }),
      );
      await store.noticesSent(sent, clock.now());
      for (const notice of gaveUp) await store.noticeFailed(notice.citizenId, notice.noticeId, clock.now(), notice.reason, notice.attempts);
      return failures;
    },
  };
}
