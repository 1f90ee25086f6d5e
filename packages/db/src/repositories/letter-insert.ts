/**
 * The common case of the sender API — a letter that starts a new conversation and
 * is about no appointment — saved in one SQL statement: the citizen (found by national
 * id in citizen_by_national_id, made on first contact), the thread, the message, its
 * attachments, the first delivery attempt and event, and the delivery job, as
 * data-modifying CTEs. One statement is atomic on its
 * own, so this needs no BEGIN/COMMIT and costs one round trip instead of a dozen; the
 * letter the sender is answered with is built from what was written rather than read
 * back. Letters that answer another or are about an appointment take the
 * transaction in SenderRepository, which checks those links first.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { firstLetterStatus, type IncomingLetter } from '@innboks/core';
import type { Database, MessageRow, OrganizationRow } from '../schema.ts';
import { preparedStatement } from '../database.ts';
import type { StoredLetter } from './letter-aggregate.ts';
import { deliverLetterJob } from '../queue/job-kinds.ts';
import { appendMessageSql, messageBody, type MessageToAppend, type NewThread } from './append-message.ts';
import { attachmentsToStore, letterMessage, letterThread, type AttachmentToStore } from './letter-message.ts';

/** The letter is stored and queued (two first letters to one new citizen at the same moment find one citizen: see newThreadLetterSql). */
export async function insertNewThreadLetter(
  db: Kysely<Database>,
  organization: OrganizationRow,
  letter: IncomingLetter,
  now: Date,
): Promise<StoredLetter> {
  const written = letterMessage(organization, letter, randomUUID(), now);
  const thread = letterThread(organization, letter);
  const attachments = attachmentsToStore(letter);
  const result = await newThreadLetterSql(letter.citizenNationalId, thread, written, attachments).execute(db);
  const citizenId = result.rows[0]!.citizen_id;

  const messageId = written.id;
  const message: MessageRow = {
    id: messageId,
    citizen_id: citizenId,
    thread_id: messageId,
    organization_id: organization.id,
    direction: written.direction,
    kind: written.kind,
    subject: written.subject,
    sender_name: written.senderName,
    text_parts: letter.textParts,
    body: messageBody(letter.textParts),
    priority: written.priority,
    important: written.important,
    identifier_system: written.identifier.system,
    identifier_value: written.identifier.value,
    in_response_to: null,
    status: firstLetterStatus(written.direction),
    sent_at: now,
    first_read_at: null,
    updated_at: now,
    search: '',
    sent_by_national_id: null,
    sent_by_name: null,
    sent_by_relation: null,
  };
  return {
    message,
    citizenNationalId: letter.citizenNationalId,
    organizationNumber: organization.org_number,
    threadCategory: thread.category,
    threadSenderName: thread.senderName,
    inResponseTo: null,
    attachments: attachments.map(({ data: _data, ...meta }) => meta).sort((left, right) => left.position - right.position),
    delivery: [{ channel: 'inbox', state: 'queued', updatedAt: now, events: [{ state: 'queued', at: now, detail: null }] }],
    appointment: null,
  };
}

/** The one statement that saves the letter; it answers the citizen's id. */
export function newThreadLetterSql(citizenNationalId: string, thread: NewThread, message: MessageToAppend, attachments: readonly AttachmentToStore[]) {
  const now = message.sentAt;
  const attachmentRows = attachments.length
    ? sql`, a as (
        insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
        select v.id, m.citizen_id, m.id, v.position, v.title, v.content_type, v.size, v.sha256, v.data
        from m cross join (values ${sql.join(
          attachments.map(
            (attachment) =>
              sql`(${attachment.id}::uuid, ${attachment.position}::integer, ${attachment.title}::text, ${attachment.contentType}::text, ${attachment.size}::integer, ${attachment.sha256}::text, ${Buffer.from(attachment.data)}::bytea)`,
          ),
        )}) as v (id, position, title, content_type, size, sha256, data))`
    : sql``;

  // The citizen is found in the directory by national id (its own shard on Citus) and
  // claimed there only when missing, so a letter to a known citizen writes neither the
  // directory nor the citizen row. A first letter claims the national id with a new id
  // (`do update` answers the row also when a concurrent letter claimed it a moment
  // ago, after that one commits) and makes the citizen row with the id claimed.
  return sql<{ citizen_id: string }>`${sql.raw(preparedStatement)}
    with found as (select citizen_id from citizen_by_national_id where national_id = ${citizenNationalId}),
    claimed as (
      insert into citizen_by_national_id (national_id, citizen_id) select ${citizenNationalId}, gen_random_uuid()
      where not exists (select 1 from found)
      on conflict (national_id) do update set national_id = excluded.national_id
      returning citizen_id),
    made as (
      insert into citizen (id, national_id, name) select citizen_id, ${citizenNationalId}, '' from claimed
      on conflict (id) do nothing),
    c as (select citizen_id as id from found union all select citizen_id from claimed),
    ${appendMessageSql({ starts: thread }, message)}
    ${attachmentRows},
    d as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select m.citizen_id, m.id, 'inbox', 'queued', ${now}::timestamptz, ${now}::timestamptz from m),
    e as (
      insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
      select m.citizen_id, m.id, 'inbox', 'queued', ${now}::timestamptz, null from m),
    j as (
      insert into job (citizen_id, kind, payload, run_at)
      select m.citizen_id, ${deliverLetterJob}, jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id), ${now}::timestamptz from m)
    select citizen_id from m`;
}
