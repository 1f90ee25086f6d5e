/** Writing municipal conversations: shared by the citizen's and the staff's side. */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import { enqueueJob } from '../../queue/job-queue.ts';
import { deliverLetterJob } from '../../queue/job-kinds.ts';
import { appendMessage, type MessageToAppend, type SentBy } from '../append-message.ts';
import { moveAttempt } from '../../delivery/attempts.ts';

import { citizenMessageIdentifierSystem } from '../identifier-systems.ts';
export { citizenMessageIdentifierSystem };
export const staffAnswerIdentifierSystem = 'urn:innboks:staff-answer';

export interface ServiceFacts {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

/** How a service is named to the citizen: "Hjemmesykepleie, Drammen kommune, helse og omsorg". */
export function serviceDisplayName(service: { name: string; organizationName: string }): string {
  return `${service.name}, ${service.organizationName}`;
}

interface CitizenMessageInput {
  citizenId: string;
  citizenName: string;
  service: ServiceFacts;
  subject: string;
  text: string;
  now: Date;
  expectedAnswerBy: string;
  /** A representative who writes for the person. */
  sentBy?: SentBy | null | undefined;
}

export async function startCitizenThread(tx: Transaction<Database>, input: CitizenMessageInput): Promise<{ threadId: string; messageId: string }> {
  const threadId = randomUUID();
  const messageId = randomUUID();
  const { service, now } = input;
  await appendMessage(tx, input.citizenId, { starts: { id: threadId, category: 'municipal', senderName: serviceDisplayName(service) } }, citizenMessage(input, messageId));
  await tx
    .insertInto('municipal_thread')
    .values({ citizen_id: input.citizenId, thread_id: threadId, service_id: service.id, awaiting_answer_since: now, created_at: now, updated_at: now })
    .execute();
  await recordCitizenMessage(tx, { ...input, threadId }, messageId);
  return { threadId, messageId };
}

export async function appendCitizenMessage(tx: Transaction<Database>, input: CitizenMessageInput & { threadId: string }): Promise<string> {
  const messageId = randomUUID();
  await appendMessage(tx, input.citizenId, { joins: input.threadId }, citizenMessage(input, messageId));
  await recordCitizenMessage(tx, input, messageId);
  return messageId;
}

function citizenMessage(input: CitizenMessageInput, id: string): MessageToAppend {
  return {
    id,
    organizationId: input.service.organizationId,
    direction: 'from-citizen',
    kind: 'message',
    subject: input.subject,
    senderName: input.citizenName || 'Innbygger',
    textParts: [input.text],
    priority: 'routine',
    important: false,
    identifier: { system: citizenMessageIdentifierSystem, value: id },
    inResponseTo: null,
    sentAt: input.now,
    hasAttachments: false,
    sentBy: input.sentBy ?? null,
  };
}

/** What a citizen's message is to its service: the shared inbox has it, and the thread waits for an answer. */
async function recordCitizenMessage(tx: Transaction<Database>, input: CitizenMessageInput & { threadId: string }, messageId: string): Promise<void> {
  const { now } = input;
  await tx
    .insertInto('municipal_message')
    .values({ citizen_id: input.citizenId, message_id: messageId, thread_id: input.threadId, service_id: input.service.id, expected_answer_by: input.expectedAnswerBy })
    .execute();
  // Delivered at once: the service's shared inbox (and its system, by FHIR search) has it now.
  await moveAttempt(tx, { citizenId: input.citizenId, messageId, channel: 'inbox', state: 'delivered', at: now, detail: null });
  // Waiting for an answer from now on, unless something older is still waiting. (A closed thread takes no more: the citizen's side refuses first.)
  await tx
    .updateTable('municipal_thread')
    .set((eb) => ({ awaiting_answer_since: eb.fn.coalesce('awaiting_answer_since', eb.val(now)), updated_at: now }))
    .where('citizen_id', '=', input.citizenId)
    .where('thread_id', '=', input.threadId)
    .execute();
}

/**
 * A staff member's answer: a message to the citizen in the same thread, delivered
 * like any letter (a delivery attempt and a `deliver-letter` job in this transaction),
 * so the notice machinery tells the citizen about it.
 */
export async function appendStaffAnswer(
  tx: Transaction<Database>,
  input: { citizenId: string; threadId: string; service: ServiceFacts; staffId: string; subject: string; text: string; inResponseTo: string | null; now: Date },
): Promise<string> {
  const messageId = randomUUID();
  const { now } = input;
  await appendMessage(tx, input.citizenId, { joins: input.threadId }, {
    id: messageId,
    organizationId: input.service.organizationId,
    direction: 'to-citizen',
    kind: 'message',
    subject: input.subject,
    senderName: serviceDisplayName(input.service),
    textParts: [input.text],
    priority: 'routine',
    important: false,
    identifier: { system: staffAnswerIdentifierSystem, value: messageId },
    inResponseTo: input.inResponseTo,
    sentAt: now,
    hasAttachments: false,
  });
  await tx
    .insertInto('municipal_message')
    .values({ citizen_id: input.citizenId, message_id: messageId, thread_id: input.threadId, service_id: input.service.id, author_staff_id: input.staffId })
    .execute();
  await tx
    .updateTable('municipal_thread')
    .set({ awaiting_answer_since: null, updated_at: now })
    .where('citizen_id', '=', input.citizenId)
    .where('thread_id', '=', input.threadId)
    .execute();
  await moveAttempt(tx, { citizenId: input.citizenId, messageId, channel: 'inbox', state: 'queued', at: now, detail: null });
  await enqueueJob(tx, deliverLetterJob, { messageId, citizenId: input.citizenId });
  return messageId;
}
