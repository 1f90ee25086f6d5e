/**
 * The common case of the sender API — a letter that starts a new conversation and
 * is about no appointment — saved in one SQL statement: the citizen (made on first
 * contact), the thread, the message, its attachments, the first delivery attempt and
 * event, and the delivery job, as data-modifying CTEs. One statement is atomic on its
 * own, so this needs no BEGIN/COMMIT and costs one round trip instead of a dozen; the
 * letter the sender is answered with is built from what was written rather than read
 * back. Letters that answer another or are about an appointment take the
 * transaction in SenderRepository, which checks those links first.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { inboxCategoryFor, type IncomingLetter, type SenderKind } from '@innboks/core';
import type { Database, MessageRow, OrganizationRow } from '../schema.ts';
import { preparedStatement } from '../database.ts';
import type { StoredAttachmentMeta, StoredLetter } from './letter-aggregate.ts';
import { deliverLetterJob } from '../queue/job-kinds.ts';

/** The letter is stored and queued; `undefined` only when a first-contact citizen row was made by a concurrent request at the same moment (try again). */
export async function insertNewThreadLetter(
  db: Kysely<Database>,
  organization: OrganizationRow,
  letter: IncomingLetter,
  now: Date,
): Promise<StoredLetter | undefined> {
  const messageId = randomUUID();
  const senderName = letter.senderDisplay ?? organization.name;
  const category = inboxCategoryFor(organization.kind as SenderKind, letter.kind);
  const body = letter.textParts.join('\n\n');
  const attachments: (StoredAttachmentMeta & { data: Uint8Array })[] = letter.attachments.map((attachment) => ({
    id: randomUUID(),
    position: attachment.position,
    title: attachment.title,
    contentType: attachment.contentType,
    size: attachment.data.length,
    sha256: createHash('sha256').update(attachment.data).digest('base64'),
    data: attachment.data,
  }));
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

  // A citizen row is looked up first and inserted only when missing: an upsert that
  // updates would write a new row version of the citizen for every letter.
  const result = await sql<{ citizen_id: string }>`${sql.raw(preparedStatement)}
    with found as (select id from citizen where national_id = ${letter.citizenNationalId}),
    made as (
      insert into citizen (national_id, name) select ${letter.citizenNationalId}, ''
      where not exists (select 1 from found)
      on conflict (national_id) do nothing
      returning id),
    c as (select id from found union all select id from made),
    m as (
      insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body,
                           priority, important, identifier_system, identifier_value, sent_at, updated_at)
      select ${messageId}::uuid, c.id, ${messageId}::uuid, ${organization.id}::uuid, 'to-citizen', ${letter.kind}, ${letter.subject}, ${senderName}, ${JSON.stringify(letter.textParts)}::jsonb, ${body},
             ${letter.priority}, ${letter.important}, ${letter.identifier.system}, ${letter.identifier.value}, ${now}::timestamptz, ${now}::timestamptz
      from c
      returning id, citizen_id, search),
    -- The thread is saved with its letter's words, so the message trigger (migration
    -- 0008) has nothing to add and the thread is written once. The message's key to
    -- its thread is checked at the end of the statement, when both rows are there.
    t as (
      insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, has_attachments, last_activity_at, search)
      select m.id, m.citizen_id, ${organization.id}::uuid, ${category}, ${letter.subject}, ${senderName}, ${letter.important}, ${attachments.length > 0}, ${now}::timestamptz, m.search
      from m)
    ${attachmentRows},
    d as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select m.citizen_id, m.id, 'inbox', 'queued', ${now}::timestamptz, ${now}::timestamptz from m),
    e as (
      insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
      select m.citizen_id, m.id, 'inbox', 'queued', ${now}::timestamptz, null from m),
    j as (
      insert into job (kind, payload, run_at)
      select ${deliverLetterJob}, jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id), ${now}::timestamptz from m)
    select citizen_id from m`.execute(db);
  const citizenId = result.rows[0]?.citizen_id;
  if (!citizenId) return undefined;

  const message: MessageRow = {
    id: messageId,
    citizen_id: citizenId,
    thread_id: messageId,
    organization_id: organization.id,
    direction: 'to-citizen',
    kind: letter.kind,
    subject: letter.subject,
    sender_name: senderName,
    text_parts: letter.textParts,
    body,
    priority: letter.priority,
    important: letter.important,
    identifier_system: letter.identifier.system,
    identifier_value: letter.identifier.value,
    in_response_to: null,
    status: 'in-progress',
    sent_at: now,
    first_read_at: null,
    updated_at: now,
    search: '',
  };
  return {
    message,
    citizenNationalId: letter.citizenNationalId,
    organizationNumber: organization.org_number,
    threadCategory: category,
    inResponseTo: null,
    attachments: attachments.map(({ data: _data, ...meta }) => meta).sort((left, right) => left.position - right.position),
    delivery: [{ channel: 'inbox', state: 'queued', updatedAt: now, events: [{ state: 'queued', at: now, detail: null }] }],
    appointment: null,
  };
}
