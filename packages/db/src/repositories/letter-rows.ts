/**
 * A letter to a citizen whose citizen row and thread are known, written inside a
 * transaction: the message appended to its thread, its attachments, the first inbox
 * attempt and the delivery job. The sender API's letters (SenderRepository), ordered
 * forms and form receipts all go through it, so each arrives and is noticed the same way.
 */
import type { Transaction } from 'kysely';
import type { IncomingLetter } from '@innboks/core';
import type { Database, OrganizationRow } from '../schema.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { deliverLetterJob } from '../queue/job-kinds.ts';
import { moveAttempt } from '../delivery/attempts.ts';
import { appendMessage, type ThreadOfMessage } from './append-message.ts';
import { attachmentsToStore, letterMessage } from './letter-message.ts';

export async function insertLetterRows(
  tx: Transaction<Database>,
  organization: OrganizationRow,
  citizenId: string,
  thread: ThreadOfMessage,
  letter: IncomingLetter,
  messageId: string,
  now: Date,
): Promise<void> {
  await appendMessage(tx, citizenId, thread, letterMessage(organization, letter, messageId, now));
  const attachments = attachmentsToStore(letter);
  if (attachments.length > 0) {
    await tx
      .insertInto('attachment')
      .values(
        attachments.map((attachment) => ({
          id: attachment.id,
          citizen_id: citizenId,
          message_id: messageId,
          position: attachment.position,
          title: attachment.title,
          content_type: attachment.contentType,
          size: attachment.size,
          sha256: attachment.sha256,
          data: attachment.data,
        })),
      )
      .execute();
  }
  await moveAttempt(tx, { citizenId, messageId, channel: 'inbox', state: 'queued', at: now, detail: null });
  await enqueueJob(tx, deliverLetterJob, { messageId, citizenId }, { runAt: now });
}
