/**
 * Sends a citizen's answer to a Dialogmelding question back to its sender. The answer
 * and its outgoing exchange were saved with the job; this re-reads them, writes the
 * same message every time (its MsgId is the answer's id, its date the answer's), and
 * hands it to the broker. Run twice, the receiver gets the same MsgId twice and keeps
 * one; once the receiver's AppRec has come, there is nothing left to send. No
 * certificate, no broker, the door off: the job fails with that reason and is tried
 * again by the queue's rules.
 */
import { DialogExchanges, type LetterJob } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';

export function sendDialogAnswerHandler(runtime: DeliveryRuntime) {
  const exchanges = new DialogExchanges(runtime.db);
  return async ({ citizenId, messageId }: LetterJob): Promise<void> => {
    const answer = await exchanges.answerToSend(citizenId, messageId);
    if (!answer || answer.answered) return;
    await runtime.adapters.dialogmelding.send(answer);
  };
}
