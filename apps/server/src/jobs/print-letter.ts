/** Makes the print-ready PDF (address in the envelope window, text, the letter's PDFs) and hands it to the print service. */
import { renderLetterPdf } from '@innboks/channels';
import type { JobOf, LetterJob } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { runStep } from './step.ts';

export function printLetterHandler(runtime: DeliveryRuntime) {
  return async ({ citizenId, messageId }: LetterJob, job?: JobOf<LetterJob>): Promise<void> => {
    const { store, adapters, clock } = runtime;
    if (!(await store.beginChannel(citizenId, messageId, 'paper', clock.now()))) return;
    const letter = await store.letter(citizenId, messageId);
    const person = letter?.plan?.facts.person;
    if (!letter || !person?.postalAddress) {
      await store.channelFailed(citizenId, messageId, 'paper', clock.now(), 'no postal address in the plan', job?.attempts ?? 1);
      return;
    }
    const address = person.postalAddress;
    const attachments = await store.attachments(citizenId, messageId);
    const outcome = await runStep(job, async () => {
      const { pdf, pages } = await renderLetterPdf({
        recipient: { name: person.name, address },
        sender: { name: letter.senderName, organizationName: letter.organizationName },
        subject: letter.subject,
        sentAt: letter.sentAt,
        textParts: letter.textParts,
        attachments,
        language: letter.language,
      });
      return adapters.print.submit({ letterId: messageId, recipient: { name: person.name, address }, pdf, pages });
    });
    if (outcome.ok) await store.channelDelivered(citizenId, messageId, 'paper', clock.now(), `print job ${outcome.value.printJobId}`);
    else await store.channelFailed(citizenId, messageId, 'paper', clock.now(), outcome.reason, outcome.attempts);
  };
}
