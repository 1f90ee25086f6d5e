/**
 * Appending a message to a thread — one it starts or one it joins — written once for
 * every writer: a sender's letters and answers (the one-statement new letter among
 * them), citizens' appointment replies, municipal messages and staff answers. What a
 * message does to its thread is said here and nowhere else:
 *
 * - a thread it starts is saved with the message's words, so the message trigger
 *   (migrations 0007, 0008) has nothing to add and the thread is written once;
 * - a thread it joins comes back to the top (its last activity), out of the archive,
 *   with one more message, and with attachments once a message has some;
 * - either way the thread is unread when the message is to the citizen: a citizen's
 *   own message leaves it as it was;
 * - a thread a citizen's message starts is `started_by` the citizen, so the inbox says
 *   whom it went to rather than whom it came from;
 * - a message a representative wrote for the person names them (`sent_by_*`, the
 *   sender gets it as the `sent-by` extension), and a thread it starts is open to the
 *   person and their representatives (`N`), so the writer still finds it.
 *
 * The message starts at its first status (`firstLetterStatus`, @innboks/core).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { firstLetterStatus, type MessageKind, type RepresentationRelation, type RepresentativeAccess } from '@innboks/core';
import type { Database } from '../schema.ts';
import { recordIdentifierSql } from './sender-identifiers.ts';

/** Who wrote a message for the person, when it was not the person: a representative. */
export interface SentBy {
  nationalId: string;
  name: string;
  relation: RepresentationRelation;
}

export interface MessageToAppend {
  id: string;
  organizationId: string;
  direction: 'to-citizen' | 'from-citizen';
  kind: MessageKind;
  subject: string;
  senderName: string;
  textParts: readonly string[];
  priority: 'routine' | 'urgent';
  important: boolean;
  identifier: { system: string; value: string };
  inResponseTo: string | null;
  sentAt: Date;
  hasAttachments: boolean;
  /** A representative who wrote it for the person; absent for the person or a sender. */
  sentBy?: SentBy | null | undefined;
  /** Carried to its organisation by another system (a Dialogmelding answer): in progress until that system's receipt. */
  carried?: boolean;
}

/** A thread the message starts: its id is the message's unless given; its subject and importance are the message's. */
export interface NewThread {
  id?: string;
  category: string;
  /** Who the thread is with, as the citizen's inbox names it (the organisation, also on a citizen's own message). */
  senderName: string;
  /** The sender's representative-access code for it; null or absent when it gave none. */
  representativeAccess?: RepresentativeAccess | null | undefined;
}

export type ThreadOfMessage = { starts: NewThread } | { joins: string };

/**
 * The parts `m` (the message; it returns id, citizen_id, thread_id and search), `t`
 * (its thread) and `i` (its identifier in the sender's directory, sender-identifiers.ts)
 * of a WITH statement that names the citizen in a part `c` (one row,
 * `id`). The message's key to its thread is checked at the end of the statement, when
 * both rows are there; a thread it joins gets the message's words from the message
 * trigger, which runs after the statement's own parts.
 */
export function appendMessageSql(thread: ThreadOfMessage, message: MessageToAppend) {
  const threadId = 'joins' in thread ? thread.joins : (thread.starts.id ?? message.id);
  const toCitizen = message.direction === 'to-citizen';
  const sentBy = message.sentBy ?? undefined;
  // A thread a representative starts stays open to them and to the person.
  const access = 'starts' in thread ? (thread.starts.representativeAccess ?? (sentBy ? 'N' : null)) : null;
  const threadPart =
    'joins' in thread
      ? sql`update thread set last_activity_at = ${message.sentAt}::timestamptz, archived = false, message_count = message_count + 1${toCitizen ? sql`, unread = true` : sql``}${message.hasAttachments ? sql`, has_attachments = true` : sql``}
      from m where thread.citizen_id = m.citizen_id and thread.id = m.thread_id`
      : sql`insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, unread, has_attachments, started_by, last_activity_at, search${access ? sql`, representative_access` : sql``})
      select m.thread_id, m.citizen_id, ${message.organizationId}::uuid, ${thread.starts.category}, ${message.subject}, ${thread.starts.senderName}, ${message.important}, ${toCitizen}, ${message.hasAttachments}, ${sql.lit(toCitizen ? 'sender' : 'citizen')}, ${message.sentAt}::timestamptz, m.search${access ? sql`, ${access}` : sql``}
      from m`;
  return sql`m as (
      insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body,
                           priority, important, identifier_system, identifier_value, in_response_to, status, sent_at, updated_at${sentBy ? sql`, sent_by_national_id, sent_by_name, sent_by_relation` : sql``})
      select ${message.id}::uuid, c.id, ${threadId}::uuid, ${message.organizationId}::uuid, ${message.direction}, ${message.kind}, ${message.subject}, ${message.senderName}, ${JSON.stringify(message.textParts)}::jsonb, ${messageBody(message.textParts)},
             ${message.priority}, ${message.important}, ${message.identifier.system}, ${message.identifier.value}, ${message.inResponseTo}::uuid, ${firstLetterStatus(message.direction, message.carried)}, ${message.sentAt}::timestamptz, ${message.sentAt}::timestamptz${sentBy ? sql`, ${sentBy.nationalId}, ${sentBy.name}, ${sentBy.relation}` : sql``}
      from c
      returning id, citizen_id, thread_id, search),
    t as (
      ${threadPart}),
    i as (
      ${recordIdentifierSql({ organizationId: message.organizationId, kind: 'message', system: message.identifier.system, value: message.identifier.value }, 'm')})`;
}

/** A message's text parts as one text, the way it is searched. */
export function messageBody(textParts: readonly string[]): string {
  return textParts.join('\n\n');
}

/** Appends the message to the thread in one statement (inside the caller's transaction, where it has one). */
export async function appendMessage(executor: Kysely<Database> | Transaction<Database>, citizenId: string, thread: ThreadOfMessage, message: MessageToAppend): Promise<void> {
  await sql`with c as (select ${citizenId}::uuid as id), ${appendMessageSql(thread, message)} select id from m`.execute(executor);
}
