/**
 * The citizen's appointments (Timeavtaler), scoped to one citizen when made: every
 * query filters on `citizen_id` first, so another citizen's appointment is "not
 * found", like a missing one. Also the storage side of the citizen's replies.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inboxCategoryFor, type ItemVisibility, type AppointmentReplyStore, type AppointmentReplyTarget, type NewAppointmentReply, type SenderKind } from '@innboks/core';
import type { Database } from '../schema.ts';
import { isUuid } from './is-uuid.ts';
import { appendMessage, type SentBy, type ThreadOfMessage } from './append-message.ts';
import { ownItems } from './citizen-inbox.ts';
import { visibleItemsSql } from '../representation/item-visibility-sql.ts';
import { recorded, type ActionRecorder } from '../representation/representation-log.ts';
import type { AppointmentDetails } from './appointment-details.ts';

/** The identifier system of messages citizens write; the value is the message id. */
import { citizenMessageIdentifierSystem } from './identifier-systems.ts';
export { citizenMessageIdentifierSystem };

export interface CitizenAppointmentRecord extends AppointmentDetails {
  organizationName: string;
  region: string | null;
  /** The thread of the newest appointment letter about it, if any. */
  letterThreadId: string | null;
  /** The citizen's replies about it, oldest first. */
  replies: { messageId: string; threadId: string; reason: string; late: boolean; sentAt: Date }[];
}

type Executor = Kysely<Database> | Transaction<Database>;

export class CitizenAppointments {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
    /** Which of the person's appointments (and letter threads) the viewer sees. */
    private readonly visibility: ItemVisibility = ownItems,
    /** A representative's replies name them, and their reads and replies are recorded. */
    private readonly representative?: { sentBy: SentBy; recorder: ActionRecorder },
  ) {}

  /** All the citizen's appointments, newest start first (entered-in-error ones left out). */
  async list(limit = 500): Promise<CitizenAppointmentRecord[]> {
    return recorded(
      this.db,
      this.representative?.recorder,
      async (executor) => {
        const rows = await this.select(executor).where('appointment.status', '<>', 'entered-in-error').orderBy('appointment.start_at', 'desc').orderBy('appointment.id').limit(limit).execute();
        return this.withLinks(executor, rows);
      },
      () => ({ action: 'list', objectKind: 'appointments' }),
    );
  }

  async get(id: string): Promise<CitizenAppointmentRecord | undefined> {
    if (!isUuid(id)) return undefined;
    return recorded(
      this.db,
      this.representative?.recorder,
      async (executor) => (await this.withLinks(executor, await this.select(executor).where('appointment.id', '=', id).execute()))[0],
      (found) => (found ? { action: 'read', objectKind: 'appointment', objectId: id } : undefined),
    );
  }

  /**
   * The appointment a thread's letter is about (the newest such letter in the thread):
   * undefined when the thread is not this citizen's, null when it has no appointment.
   */
  async forThread(threadId: string): Promise<CitizenAppointmentRecord | null | undefined> {
    if (!isUuid(threadId)) return undefined;
    const thread = await this.db
      .selectFrom('thread')
      .select('id')
      .where('citizen_id', '=', this.citizenId)
      .where('id', '=', threadId)
      .where(visibleItemsSql(this.visibility, 'thread.representative_access'))
      .executeTakeFirst();
    if (!thread) return undefined;
    const link = await this.db
      .selectFrom('appointment_message')
      .innerJoin('message', (join) => join.onRef('message.id', '=', 'appointment_message.message_id').onRef('message.citizen_id', '=', 'appointment_message.citizen_id'))
      .select('appointment_message.appointment_id')
      .where('appointment_message.citizen_id', '=', this.citizenId)
      .where('message.thread_id', '=', threadId)
      .where('appointment_message.role', '=', 'letter')
      .orderBy('appointment_message.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return link ? ((await this.get(link.appointment_id)) ?? null) : null;
  }

  /** Runs work in one transaction with the storage side of a reply. */
  replyTransaction<T>(work: (store: AppointmentReplyStore) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((tx) => work(new ReplyStore(tx, this.citizenId, this.visibility, this.representative)));
  }

  private select(executor: Executor) {
    return executor
      .selectFrom('appointment')
      .innerJoin('organization', 'organization.id', 'appointment.organization_id')
      .selectAll('appointment')
      .select(['organization.name as organization_name', 'organization.region'])
      .where('appointment.citizen_id', '=', this.citizenId)
      .where(visibleItemsSql(this.visibility, 'appointment.representative_access'));
  }

  private async withLinks(executor: Executor, rows: Awaited<ReturnType<ReturnType<CitizenAppointments['select']>['execute']>>): Promise<CitizenAppointmentRecord[]> {
    if (rows.length === 0) return [];
    const links = await executor
      .selectFrom('appointment_message')
      .innerJoin('message', (join) => join.onRef('message.id', '=', 'appointment_message.message_id').onRef('message.citizen_id', '=', 'appointment_message.citizen_id'))
      .select(['appointment_message.appointment_id', 'appointment_message.role', 'appointment_message.reason', 'appointment_message.late', 'message.id', 'message.thread_id', 'message.sent_at'])
      .where('appointment_message.citizen_id', '=', this.citizenId)
      .where(
        'appointment_message.appointment_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('message.sent_at')
      .orderBy('message.id')
      .execute();
    return rows.map((row) => {
      const mine = links.filter((link) => link.appointment_id === row.id);
      return {
        id: row.id,
        status: row.status,
        start: row.start_at,
        end: row.end_at,
        kind: row.kind,
        careArea: row.care_area,
        clinic: row.clinic,
        place: row.place,
        description: row.description,
        patientInstruction: row.patient_instruction,
        organizationName: row.organization_name,
        region: row.region,
        version: row.version,
        updatedAt: row.updated_at,
        letterThreadId: mine.filter((link) => link.role === 'letter').at(-1)?.thread_id ?? null,
        replies: mine
          .filter((link) => link.role === 'reply')
          .map((link) => ({ messageId: link.id, threadId: link.thread_id, reason: link.reason ?? '', late: link.late ?? false, sentAt: link.sent_at })),
      };
    });
  }
}

/** The storage side of `sendAppointmentReply`, inside one transaction, for one citizen. */
class ReplyStore implements AppointmentReplyStore {
  constructor(
    private readonly tx: Transaction<Database>,
    private readonly citizenId: string,
    private readonly visibility: ItemVisibility,
    private readonly representative: { sentBy: SentBy; recorder: ActionRecorder } | undefined,
  ) {}

  async lockAppointment(id: string): Promise<AppointmentReplyTarget | undefined> {
    if (!isUuid(id)) return undefined;
    // Lock first, so a cancellation or a move arriving now waits for this reply or goes before it.
    const locked = await this.tx
      .selectFrom('appointment')
      .select('id')
      .where('citizen_id', '=', this.citizenId)
      .where('id', '=', id)
      .where(visibleItemsSql(this.visibility, 'appointment.representative_access'))
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
    const appointment = await this.tx
      .selectFrom('appointment')
      .innerJoin('organization', 'organization.id', 'appointment.organization_id')
      .select(['appointment.id', 'appointment.start_at', 'appointment.status', 'appointment.clinic', 'appointment.updated_at', 'organization.name', 'organization.region'])
      .where('appointment.citizen_id', '=', this.citizenId)
      .where('appointment.id', '=', id)
      .executeTakeFirstOrThrow();
    const links = await this.tx
      .selectFrom('appointment_message')
      .innerJoin('message', (join) => join.onRef('message.id', '=', 'appointment_message.message_id').onRef('message.citizen_id', '=', 'appointment_message.citizen_id'))
      .select(['appointment_message.role', 'appointment_message.reason', 'message.id', 'message.thread_id', 'message.sent_at'])
      .where('appointment_message.citizen_id', '=', this.citizenId)
      .where('appointment_message.appointment_id', '=', id)
      .orderBy('message.sent_at')
      .orderBy('message.id')
      .execute();
    const letter = links.filter((link) => link.role === 'letter').at(-1);
    return {
      id: appointment.id,
      start: appointment.start_at,
      status: appointment.status,
      region: appointment.region,
      organizationName: appointment.name,
      clinic: appointment.clinic,
      letter: letter ? { messageId: letter.id, threadId: letter.thread_id } : undefined,
      earlierReplyThreadId: links.filter((link) => link.role === 'reply').at(-1)?.thread_id,
      replies: links.filter((link) => link.role === 'reply').map((link) => ({ reason: link.reason ?? '', sentAt: link.sent_at })),
      updatedAt: appointment.updated_at,
    };
  }

  async saveReply(reply: NewAppointmentReply): Promise<{ messageId: string; threadId: string }> {
    const { tx, citizenId } = this;
    const appointment = await tx
      .selectFrom('appointment')
      .innerJoin('organization', 'organization.id', 'appointment.organization_id')
      .select(['appointment.organization_id', 'organization.kind'])
      .where('appointment.citizen_id', '=', citizenId)
      .where('appointment.id', '=', reply.appointmentId)
      .executeTakeFirstOrThrow();
    const citizen = await tx.selectFrom('citizen').select('name').where('id', '=', citizenId).executeTakeFirstOrThrow();
    const messageId = randomUUID();
    const thread: ThreadOfMessage = reply.threadId
      ? { joins: reply.threadId }
      : { starts: { category: inboxCategoryFor(appointment.kind as SenderKind, 'message'), senderName: reply.threadSenderName } };
    await appendMessage(tx, citizenId, thread, {
      id: messageId,
      organizationId: appointment.organization_id,
      direction: 'from-citizen',
      kind: 'message',
      subject: reply.subject,
      senderName: citizen.name,
      textParts: reply.textParts,
      priority: 'routine',
      important: false,
      identifier: { system: citizenMessageIdentifierSystem, value: messageId },
      inResponseTo: reply.inResponseTo ?? null,
      sentAt: reply.sentAt,
      hasAttachments: false,
      sentBy: this.representative?.sentBy ?? null,
    });
    await this.representative?.recorder.record(tx, { action: 'send', objectKind: 'appointment-reply', objectId: messageId });
    const threadId = 'joins' in thread ? thread.joins : messageId;
    await tx
      .insertInto('appointment_message')
      .values({
        citizen_id: citizenId,
        message_id: messageId,
        appointment_id: reply.appointmentId,
        role: 'reply',
        reason: reply.reason,
        late: reply.late,
        created_at: reply.sentAt,
      })
      .execute();
    return { messageId, threadId };
  }
}
