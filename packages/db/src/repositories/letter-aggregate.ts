/** A letter with everything a sender may see of it: attachments (without bytes) and delivery. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DeliveryState, MessageRow } from '../schema.ts';

export interface StoredAttachmentMeta {
  id: string;
  position: number;
  title: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface DeliveryAttemptView {
  channel: string;
  state: DeliveryState;
  updatedAt: Date;
  events: { state: string; at: Date; detail: string | null }[];
}

export interface StoredLetter {
  message: MessageRow;
  citizenNationalId: string;
  organizationNumber: string;
  threadCategory: string;
  /** Who the thread is with as the citizen sees it: on a citizen's message, the organisation (and service) it went to. */
  threadSenderName: string;
  inResponseTo: string | null;
  attachments: StoredAttachmentMeta[];
  delivery: DeliveryAttemptView[];
  /** The appointment it is about (an appointment letter, or a citizen's reply with its reason and late flag). */
  appointment: AppointmentLink | null;
}

export interface AppointmentLink {
  id: string;
  identifierSystem: string;
  identifierValue: string;
  reason: string | null;
  late: boolean | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

export async function loadStoredLetter(executor: Executor, where: { id: string; organizationId: string }): Promise<StoredLetter | undefined> {
  const row = await executor
    .selectFrom('message')
    .innerJoin('citizen', 'citizen.id', 'message.citizen_id')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .innerJoin('thread', 'thread.id', 'message.thread_id')
    .selectAll('message')
    .select(['citizen.national_id as citizen_national_id', 'organization.org_number', 'thread.category as thread_category', 'thread.sender_name as thread_sender_name'])
    .where('message.id', '=', where.id)
    .where('message.organization_id', '=', where.organizationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [attachments, attempts, events, appointment] = await Promise.all([
    executor
      .selectFrom('attachment')
      .select(['id', 'position', 'title', 'content_type', 'size', 'sha256'])
      .where('citizen_id', '=', row.citizen_id)
      .where('message_id', '=', row.id)
      .orderBy('position')
      .execute(),
    executor
      .selectFrom('delivery_attempt')
      .select(['channel', 'state', 'updated_at'])
      .where('citizen_id', '=', row.citizen_id)
      .where('message_id', '=', row.id)
      .execute(),
    executor
      .selectFrom('delivery_event')
      .select(['channel', 'state', 'at', 'detail'])
      .where('message_id', '=', row.id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    executor
      .selectFrom('appointment_message')
      .innerJoin('appointment', 'appointment.id', 'appointment_message.appointment_id')
      .select(['appointment.id', 'appointment.identifier_system', 'appointment.identifier_value', 'appointment_message.reason', 'appointment_message.late'])
      .where('appointment_message.citizen_id', '=', row.citizen_id)
      .where('appointment_message.message_id', '=', row.id)
      .executeTakeFirst(),
  ]);
  const { citizen_national_id, org_number, thread_category, thread_sender_name, ...message } = row;
  return {
    message,
    citizenNationalId: citizen_national_id,
    organizationNumber: org_number,
    threadCategory: thread_category,
    threadSenderName: thread_sender_name,
    inResponseTo: message.in_response_to,
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      position: attachment.position,
      title: attachment.title,
      contentType: attachment.content_type,
      size: attachment.size,
      sha256: attachment.sha256,
    })),
    // Attempts in the order they began: an attempt is made with its first event, and
    // the events come in time order, two at the same instant in the order written.
    delivery: attempts
      .map((attempt) => ({ attempt, first: firstEventIndex(events, attempt.channel) }))
      .sort((left, right) => left.first - right.first)
      .map(({ attempt }) => ({
        channel: attempt.channel,
        state: attempt.state,
        updatedAt: attempt.updated_at,
        events: events.filter((event) => event.channel === attempt.channel).map(({ state, at, detail }) => ({ state, at, detail })),
      })),
    appointment: appointment
      ? { id: appointment.id, identifierSystem: appointment.identifier_system, identifierValue: appointment.identifier_value, reason: appointment.reason, late: appointment.late }
      : null,
  };
}

/** Where a channel's first event is in the timeline; an attempt without events sorts last. */
function firstEventIndex(events: readonly { channel: string }[], channel: string): number {
  const index = events.findIndex((event) => event.channel === channel);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}
