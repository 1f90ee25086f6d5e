/** Hands a letter to the citizen's digital mailbox; the receipt id goes into the timeline. */
import type { JobOf, LetterJob } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { runStep } from './step.ts';

export function sendDigitalMailboxHandler(runtime: DeliveryRuntime) {
  return async ({ citizenId, messageId }: LetterJob, job?: JobOf<LetterJob>): Promise<void> => {
    const { store, adapters, clock } = runtime;
    if (!(await store.beginChannel(citizenId, messageId, 'digital-mailbox', clock.now()))) return;
    const letter = await store.letter(citizenId, messageId);
    const mailbox = letter?.plan?.facts.contact?.digitalMailbox;
    if (!letter || !mailbox) {
      await store.channelFailed(citizenId, messageId, 'digital-mailbox', clock.now(), 'no digital mailbox address in the plan', job?.attempts ?? 1);
      return;
    }
    const attachments = await store.attachments(citizenId, messageId);
    const outcome = await runStep(job, () =>
      adapters.digitalMailbox.deliver({
        letterId: messageId,
        recipient: { nationalId: letter.nationalId, provider: mailbox.provider, address: mailbox.address },
        sender: { name: letter.senderName, organizationNumber: letter.organizationNumber },
        subject: letter.subject,
        sentAt: letter.sentAt,
        textParts: letter.textParts,
        attachments,
      }),
    );
    if (outcome.ok) await store.channelDelivered(citizenId, messageId, 'digital-mailbox', clock.now(), `receipt ${outcome.value.receiptId}`);
    else await store.channelFailed(citizenId, messageId, 'digital-mailbox', clock.now(), outcome.reason, outcome.attempts);
  };
}
