/**
 * The staff member's workspace, scoped to one staff member when it is made. Need to
 * know, in every query: a thread is visible only when the staff member is a member
 * of its service now AND the citizen is enrolled in that service now. Both are
 * joined on every call, so removing a membership or ending an enrolment takes effect
 * on the next request. Anything not visible is "not found", like a missing id.
 *
 * Every view of a citizen's data — a thread, an attachment, and the lists that show a
 * thread's citizen and subject (a service's inbox, the answer to a change) — writes
 * its access-log rows in the same transaction as the read: if the log write fails,
 * the read fails with it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RepresentationRelation } from '@innboks/core';
import type { AccessLogObjectType, Database } from '../../schema.ts';
import { isUuid } from '../is-uuid.ts';
import { appendStaffAnswer, serviceDisplayName, type ServiceFacts } from './municipal-threads.ts';
import { appendAccessLog } from './access-log-writer.ts';

export interface StaffPrincipal {
  staffId: string;
  name: string;
}

export interface StaffService {
  id: string;
  name: string;
  organizationName: string;
  municipality: string | null;
  unanswered: number;
}

export interface StaffThreadSummary {
  threadId: string;
  subject: string;
  citizenName: string;
  status: 'open' | 'closed';
  awaitingAnswerSince: Date | null;
  assignedTo: { id: string; name: string } | null;
  lastActivityAt: Date;
  messageCount: number;
}

export interface StaffThreadView extends StaffThreadSummary {
  serviceId: string;
  serviceName: string;
  citizenNationalId: string;
  messages: {
    id: string;
    direction: 'to-citizen' | 'from-citizen';
    senderName: string;
    authorName: string | null;
    /** A representative who wrote a citizen's message for them. */
    sentBy: { name: string; relation: RepresentationRelation } | null;
    sentAt: Date;
    textParts: string[];
    expectedAnswerBy: string | null;
    attachments: { id: string; title: string; contentType: string; size: number }[];
  }[];
}

type Executor = Kysely<Database> | Transaction<Database>;

interface VisibleThread {
  citizen_id: string;
  thread_id: string;
  service_id: string;
  service_name: string;
  organization_id: string;
  organization_name: string;
}

export class StaffWorkspace {
  constructor(
    private readonly db: Kysely<Database>,
    readonly staff: StaffPrincipal,
    /** The access log's sealing key (access-log-chain.ts), held outside the database. */
    private readonly accessLogKey: string,
  ) {}

  /** The services the staff member works in now, with how many threads wait for an answer. */
  async services(): Promise<StaffService[]> {
    const rows = await this.db
      .selectFrom('staff_membership')
      .innerJoin('municipal_service', 'municipal_service.id', 'staff_membership.service_id')
      .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
      .select((eb) => [
        'municipal_service.id',
        'municipal_service.name',
        'organization.name as organization_name',
        'organization.municipality',
        eb
          .selectFrom('municipal_thread')
          .select(eb.fn.countAll<number>().as('count'))
          .whereRef('municipal_thread.service_id', '=', 'municipal_service.id')
          .where('municipal_thread.status', '=', 'open')
          .where('municipal_thread.awaiting_answer_since', 'is not', null)
          .where(enrolledNow)
          .as('unanswered'),
      ])
      .where('staff_membership.staff_id', '=', this.staff.staffId)
      .orderBy('municipal_service.name')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      organizationName: row.organization_name,
      municipality: row.municipality,
      unanswered: Number(row.unanswered ?? 0),
    }));
  }

  /** The shared inbox of a service: unanswered first, longest waiting first, then newest activity. Logs each thread shown. */
  async threads(serviceId: string, status: 'open' | 'closed', now: Date): Promise<StaffThreadSummary[] | undefined> {
    if (!isUuid(serviceId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const service = await tx
        .selectFrom('staff_membership')
        .innerJoin('municipal_service', 'municipal_service.id', 'staff_membership.service_id')
        .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
        .select(['municipal_service.name as service_name', 'organization.id as organization_id', 'organization.name as organization_name'])
        .where('staff_membership.staff_id', '=', this.staff.staffId)
        .where('staff_membership.service_id', '=', serviceId)
        .executeTakeFirst();
      if (!service) return undefined;
      const rows = await threadSummaries(tx)
        .select('municipal_thread.citizen_id')
        .where('municipal_thread.service_id', '=', serviceId)
        .where('municipal_thread.status', '=', status)
        .where(enrolledNow)
        .orderBy(sql`municipal_thread.awaiting_answer_since is null`)
        .orderBy('municipal_thread.awaiting_answer_since', 'asc')
        .orderBy('thread.last_activity_at', 'desc')
        .limit(500)
        .execute();
      const shown = rows.map((row) => ({ ...service, service_id: serviceId, citizen_id: row.citizen_id, thread_id: row.thread_id }));
      await this.log(tx, shown, 'thread-summary', now);
      return rows.map(toThreadSummary);
    });
  }

  /** Opens a thread: logs the read, then reads, in one transaction. */
  async openThread(threadId: string, now: Date): Promise<StaffThreadView | undefined> {
    if (!isUuid(threadId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const visible = await this.visible(tx, threadId);
      if (!visible) return undefined;
      await this.log(tx, [visible], 'thread', now);
      return this.readThread(tx, visible);
    });
  }

  /** An attachment in a visible thread: logs the read, then reads the bytes, in one transaction. */
  async attachment(attachmentId: string, now: Date) {
    if (!isUuid(attachmentId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const located = await tx
        .selectFrom('attachment')
        .innerJoin('message', (join) => join.onRef('message.citizen_id', '=', 'attachment.citizen_id').onRef('message.id', '=', 'attachment.message_id'))
        .select(['message.thread_id'])
        .where('attachment.id', '=', attachmentId)
        .executeTakeFirst();
      if (!located) return undefined;
      const visible = await this.visible(tx, located.thread_id);
      if (!visible) return undefined;
      await this.log(tx, [visible], 'attachment', now, attachmentId);
      return tx
        .selectFrom('attachment')
        .select(['id', 'title', 'content_type', 'size', 'data'])
        .where('citizen_id', '=', visible.citizen_id)
        .where('id', '=', attachmentId)
        .executeTakeFirst();
    });
  }

  /** Assign to self (or let go), close or reopen. */
  async update(threadId: string, change: { assignedToMe?: boolean | undefined; status?: 'open' | 'closed' | undefined }, now: Date): Promise<StaffThreadSummary | undefined> {
    if (!isUuid(threadId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const visible = await this.visible(tx, threadId);
      if (!visible) return undefined;
      const set: { assigned_staff_id?: string | null; status?: 'open' | 'closed'; updated_at: Date } = { updated_at: now };
      if (change.assignedToMe === true) set.assigned_staff_id = this.staff.staffId;
      if (change.status) set.status = change.status;
      let update = tx.updateTable('municipal_thread').set(set).where('citizen_id', '=', visible.citizen_id).where('thread_id', '=', threadId);
      await update.execute();
      if (change.assignedToMe === false) {
        update = tx
          .updateTable('municipal_thread')
          .set({ assigned_staff_id: null, updated_at: now })
          .where('citizen_id', '=', visible.citizen_id)
          .where('thread_id', '=', threadId)
          .where('assigned_staff_id', '=', this.staff.staffId);
        await update.execute();
      }
      await this.log(tx, [visible], 'thread-summary', now);
      return this.summary(tx, visible);
    });
  }

  /** Answers the citizen in the thread; the answer is delivered (and noticed) like a letter. */
  async answer(threadId: string, text: string, now: Date): Promise<{ messageId: string } | undefined> {
    if (!isUuid(threadId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const visible = await this.visible(tx, threadId, true);
      if (!visible) return undefined;
      const thread = await tx
        .selectFrom('thread')
        .select(['subject'])
        .where('citizen_id', '=', visible.citizen_id)
        .where('id', '=', threadId)
        .executeTakeFirstOrThrow();
      const lastFromCitizen = await tx
        .selectFrom('message')
        .select('id')
        .where('citizen_id', '=', visible.citizen_id)
        .where('thread_id', '=', threadId)
        .where('direction', '=', 'from-citizen')
        .orderBy('sent_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const service: ServiceFacts = {
        id: visible.service_id,
        name: visible.service_name,
        organizationId: visible.organization_id,
        organizationName: visible.organization_name,
      };
      const messageId = await appendStaffAnswer(tx, {
        citizenId: visible.citizen_id,
        threadId,
        service,
        staffId: this.staff.staffId,
        subject: thread.subject,
        text,
        inResponseTo: lastFromCitizen?.id ?? null,
        now,
      });
      return { messageId };
    });
  }

  /** The thread if this staff member may see it now: member of its service, citizen enrolled in it. */
  private async visible(executor: Executor, threadId: string, lock = false): Promise<VisibleThread | undefined> {
    let query = executor
      .selectFrom('municipal_thread')
      .innerJoin('staff_membership', (join) =>
        join.onRef('staff_membership.service_id', '=', 'municipal_thread.service_id').on('staff_membership.staff_id', '=', this.staff.staffId),
      )
      .innerJoin('municipal_service', 'municipal_service.id', 'municipal_thread.service_id')
      .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
      .select([
        'municipal_thread.citizen_id',
        'municipal_thread.thread_id',
        'municipal_thread.service_id',
        'municipal_service.name as service_name',
        'organization.id as organization_id',
        'organization.name as organization_name',
      ])
      .where('municipal_thread.thread_id', '=', threadId)
      .where(enrolledNow);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** One row per thread shown; the object is the thread itself unless named (an attachment). */
  private async log(tx: Transaction<Database>, shown: VisibleThread[], objectType: AccessLogObjectType, now: Date, objectId?: string): Promise<void> {
    await appendAccessLog(
      tx,
      this.accessLogKey,
      shown.map((visible) => ({
        at: now,
        staff_id: this.staff.staffId,
        staff_name: this.staff.name,
        service_id: visible.service_id,
        service_name: serviceDisplayName({ name: visible.service_name, organizationName: visible.organization_name }),
        citizen_id: visible.citizen_id,
        object_type: objectType,
        object_id: objectId ?? visible.thread_id,
        thread_id: visible.thread_id,
      })),
    );
  }

  private async summary(tx: Transaction<Database>, visible: VisibleThread): Promise<StaffThreadSummary> {
    const row = await threadSummaries(tx)
      .select('citizen.national_id')
      .where('municipal_thread.citizen_id', '=', visible.citizen_id)
      .where('municipal_thread.thread_id', '=', visible.thread_id)
      .executeTakeFirstOrThrow();
    return toThreadSummary(row);
  }

  private async readThread(tx: Transaction<Database>, visible: VisibleThread): Promise<StaffThreadView> {
    const summary = await this.summary(tx, visible);
    const citizen = await tx.selectFrom('citizen').select(['national_id']).where('id', '=', visible.citizen_id).executeTakeFirstOrThrow();
    const messages = await tx
      .selectFrom('message')
      .leftJoin('municipal_message', (join) =>
        join.onRef('municipal_message.citizen_id', '=', 'message.citizen_id').onRef('municipal_message.message_id', '=', 'message.id'),
      )
      .leftJoin('staff_member', 'staff_member.id', 'municipal_message.author_staff_id')
      .select(['message.id', 'message.direction', 'message.sender_name', 'message.sent_at', 'message.text_parts', 'municipal_message.expected_answer_by', 'staff_member.name as author_name', 'message.sent_by_name', 'message.sent_by_relation'])
      .where('message.citizen_id', '=', visible.citizen_id)
      .where('message.thread_id', '=', visible.thread_id)
      .orderBy('message.sent_at')
      .orderBy('message.id')
      .execute();
    const attachments = messages.length
      ? await tx
          .selectFrom('attachment')
          .select(['id', 'message_id', 'title', 'content_type', 'size'])
          .where('citizen_id', '=', visible.citizen_id)
          .where(
            'message_id',
            'in',
            messages.map((message) => message.id),
          )
          .orderBy('position')
          .execute()
      : [];
    return {
      ...summary,
      serviceId: visible.service_id,
      serviceName: serviceDisplayName({ name: visible.service_name, organizationName: visible.organization_name }),
      citizenNationalId: citizen.national_id,
      messages: messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        senderName: message.sender_name,
        authorName: message.author_name,
        sentBy: message.sent_by_name && message.sent_by_relation ? { name: message.sent_by_name, relation: message.sent_by_relation } : null,
        sentAt: message.sent_at,
        textParts: message.text_parts,
        expectedAnswerBy: message.expected_answer_by,
        attachments: attachments
          .filter((attachment) => attachment.message_id === message.id)
          .map((attachment) => ({ id: attachment.id, title: attachment.title, contentType: attachment.content_type, size: attachment.size })),
      })),
    };
  }
}

/** "The citizen of this municipal_thread row is enrolled in its service now." */
/** A service inbox row: the thread with its citizen and who has it, for lists and answers alike. */
function threadSummaries(executor: Executor) {
  return executor
    .selectFrom('municipal_thread')
    .innerJoin('thread', (join) => join.onRef('thread.citizen_id', '=', 'municipal_thread.citizen_id').onRef('thread.id', '=', 'municipal_thread.thread_id'))
    .innerJoin('citizen', 'citizen.id', 'municipal_thread.citizen_id')
    .leftJoin('staff_member', 'staff_member.id', 'municipal_thread.assigned_staff_id')
    .select([
      'municipal_thread.thread_id',
      'municipal_thread.status',
      'municipal_thread.awaiting_answer_since',
      'municipal_thread.assigned_staff_id',
      'staff_member.name as assigned_name',
      'thread.subject',
      'thread.last_activity_at',
      'thread.message_count',
      'citizen.name as citizen_name',
    ]);
}

type ThreadSummaryRow = Awaited<ReturnType<ReturnType<typeof threadSummaries>['executeTakeFirstOrThrow']>>;

function toThreadSummary(row: ThreadSummaryRow): StaffThreadSummary {
  return {
    threadId: row.thread_id,
    subject: row.subject,
    citizenName: row.citizen_name,
    status: row.status,
    awaitingAnswerSince: row.awaiting_answer_since,
    assignedTo: row.assigned_staff_id ? { id: row.assigned_staff_id, name: row.assigned_name ?? '' } : null,
    lastActivityAt: row.last_activity_at,
    messageCount: row.message_count,
  };
}

const enrolledNow = sql<boolean>`exists (
  select 1 from service_enrolment
  where service_enrolment.citizen_id = municipal_thread.citizen_id
    and service_enrolment.service_id = municipal_thread.service_id
    and service_enrolment.status = 'active')`;
