/**
 * The citizen's side of municipal messaging, scoped to one citizen when it is made.
 * Every query filters on `citizen_id`; the rules of who may write to which service
 * live here, so the web API cannot skip them:
 * - the citizen lives in a municipality in the trial,
 * - receives the service now (an active enrolment), and
 * - the service has opened for digital contact.
 */
import type { Kysely, Transaction } from 'kysely';
import { groupAccessVisits, type AccessedObject } from '@innboks/core';
import type { Database } from '../../schema.ts';
import { isUuid } from '../is-uuid.ts';
import type { SentBy } from '../append-message.ts';
import { recorded, type ActionRecorder } from '../../representation/representation-log.ts';
import { appendCitizenMessage, serviceDisplayName, startCitizenThread, type ServiceFacts } from './municipal-threads.ts';

export type MessagingRefusal = 'not-in-trial' | 'not-received' | 'no-digital-contact';

export interface ReceivedService {
  id: string;
  name: string;
  displayName: string;
  organizationName: string;
  municipality: string | null;
  digitalContact: boolean;
}

export interface MunicipalOverview {
  municipality: string | null;
  inTrial: boolean;
  services: ReceivedService[];
}

export interface MunicipalThreadInfo {
  threadId: string;
  serviceId: string;
  serviceName: string;
  status: 'open' | 'closed';
  /** Why the citizen cannot write in this thread now; undefined when they can. */
  refusal: MessagingRefusal | undefined;
  /** The promised answer day of the oldest unanswered message, if any is waiting. */
  expectedAnswerBy: string | null;
}

export interface AccessLogEntry {
  seq: number;
  at: Date;
  staffName: string;
  serviceName: string;
  objectType: AccessedObject;
  threadId: string;
  subject: string | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

export type SendOutcome =
  | { outcome: 'sent'; threadId: string; messageId: string }
  | { outcome: 'refused'; reason: MessagingRefusal }
  | { outcome: 'not-found' };

/** A reply can also meet a conversation the service closed: it takes no more messages; the citizen starts a new one. */
export type ReplyOutcome = SendOutcome | { outcome: 'closed' };

export class CitizenMunicipal {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
    /** A representative's messages name them, and each is recorded in its transaction. */
    private readonly representative?: { sentBy: SentBy; recorder: ActionRecorder },
  ) {}

  /**
   * Where the citizen lives, whether that municipality is in the trial, and the
   * services they receive now (which tells what care the person gets: a
   * representative's look is recorded).
   */
  overview(): Promise<MunicipalOverview> {
    return recorded(
      this.db,
      this.representative?.recorder,
      async (executor) => {
        const citizen = await executor
          .selectFrom('citizen')
          .leftJoin('municipality', 'municipality.name', 'citizen.municipality')
          .select(['citizen.municipality', 'municipality.in_trial'])
          .where('citizen.id', '=', this.citizenId)
          .executeTakeFirst();
        const services = await this.receivedServices(executor);
        return { municipality: citizen?.municipality ?? null, inTrial: citizen?.in_trial === true, services };
      },
      () => ({ action: 'list', objectKind: 'municipal-services' }),
    );
  }

  /** Starts a conversation with a service, if the rules allow it. */
  async startThread(serviceId: string, subject: string, text: string, now: Date, expectedAnswerBy: string): Promise<SendOutcome> {
    if (!isUuid(serviceId)) return { outcome: 'refused', reason: 'not-received' };
    return this.db.transaction().execute(async (tx) => {
      const check = await this.check(tx, serviceId);
      if ('reason' in check) return { outcome: 'refused' as const, reason: check.reason };
      const { threadId, messageId } = await startCitizenThread(tx, {
        citizenId: this.citizenId,
        citizenName: check.citizenName,
        service: check.service,
        subject,
        text,
        now,
        expectedAnswerBy,
        sentBy: this.representative?.sentBy,
      });
      await this.representative?.recorder.record(tx, { action: 'send', objectKind: 'municipal-message', objectId: messageId });
      return { outcome: 'sent' as const, threadId, messageId };
    });
  }

  /** Writes again in one of the citizen's open municipal threads, under the same rules. */
  async reply(threadId: string, text: string, now: Date, expectedAnswerBy: string): Promise<ReplyOutcome> {
    if (!isUuid(threadId)) return { outcome: 'not-found' };
    return this.db.transaction().execute(async (tx) => {
      const thread = await tx
        .selectFrom('municipal_thread')
        .innerJoin('thread', (join) => join.onRef('thread.citizen_id', '=', 'municipal_thread.citizen_id').onRef('thread.id', '=', 'municipal_thread.thread_id'))
        .select(['municipal_thread.service_id', 'municipal_thread.status', 'thread.subject'])
        .where('municipal_thread.citizen_id', '=', this.citizenId)
        .where('municipal_thread.thread_id', '=', threadId)
        .forUpdate()
        .executeTakeFirst();
      if (!thread) return { outcome: 'not-found' as const };
      if (thread.status === 'closed') return { outcome: 'closed' as const };
      const check = await this.check(tx, thread.service_id);
      if ('reason' in check) return { outcome: 'refused' as const, reason: check.reason };
      const messageId = await appendCitizenMessage(tx, {
        citizenId: this.citizenId,
        citizenName: check.citizenName,
        service: check.service,
        threadId,
        subject: thread.subject,
        text,
        now,
        expectedAnswerBy,
        sentBy: this.representative?.sentBy,
      });
      await this.representative?.recorder.record(tx, { action: 'send', objectKind: 'municipal-message', objectId: messageId });
      return { outcome: 'sent' as const, threadId, messageId };
    });
  }

  /** The municipal facts of one of the citizen's threads; undefined for anything else. A representative's read is recorded. */
  async threadInfo(threadId: string): Promise<MunicipalThreadInfo | undefined> {
    if (!isUuid(threadId)) return undefined;
    return recorded(
      this.db,
      this.representative?.recorder,
      (executor) => this.readThreadInfo(executor, threadId),
      (info) => (info ? { action: 'read', objectKind: 'municipal-message', objectId: threadId } : undefined),
    );
  }

  private async readThreadInfo(db: Executor, threadId: string): Promise<MunicipalThreadInfo | undefined> {
    const row = await db
      .selectFrom('municipal_thread')
      .innerJoin('municipal_service', 'municipal_service.id', 'municipal_thread.service_id')
      .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
      .select(['municipal_thread.thread_id', 'municipal_thread.service_id', 'municipal_thread.status', 'municipal_thread.awaiting_answer_since', 'municipal_service.name', 'organization.name as organization_name'])
      .where('municipal_thread.citizen_id', '=', this.citizenId)
      .where('municipal_thread.thread_id', '=', threadId)
      .executeTakeFirst();
    if (!row) return undefined;
    const check = await this.check(db, row.service_id);
    let expectedAnswerBy: string | null = null;
    if (row.awaiting_answer_since) {
      const waiting = await db
        .selectFrom('municipal_message')
        .innerJoin('message', (join) => join.onRef('message.citizen_id', '=', 'municipal_message.citizen_id').onRef('message.id', '=', 'municipal_message.message_id'))
        .select(['municipal_message.expected_answer_by'])
        .where('municipal_message.citizen_id', '=', this.citizenId)
        .where('municipal_message.thread_id', '=', threadId)
        .where('message.direction', '=', 'from-citizen')
        .where('message.sent_at', '>=', row.awaiting_answer_since)
        .orderBy('message.sent_at')
        .limit(1)
        .executeTakeFirst();
      expectedAnswerBy = waiting?.expected_answer_by ?? null;
    }
    return {
      threadId: row.thread_id,
      serviceId: row.service_id,
      serviceName: serviceDisplayName({ name: row.name, organizationName: row.organization_name }),
      status: row.status,
      refusal: 'reason' in check ? check.reason : undefined,
      expectedAnswerBy,
    };
  }

  /**
   * Every time staff saw something of the citizen's, newest first, one entry per visit
   * (core's groupAccessVisits). It tells which services and staff see the person: a
   * representative's look is recorded.
   */
  accessLog(limit = 500): Promise<AccessLogEntry[]> {
    return recorded(this.db, this.representative?.recorder, (executor) => this.readAccessLog(executor, limit), () => ({ action: 'list', objectKind: 'municipal-access-log' }));
  }

  private async readAccessLog(executor: Executor, limit: number): Promise<AccessLogEntry[]> {
    const rows = await executor
      .selectFrom('access_log')
      .leftJoin('thread', (join) => join.onRef('thread.citizen_id', '=', 'access_log.citizen_id').onRef('thread.id', '=', 'access_log.thread_id'))
      .select(['access_log.seq', 'access_log.at', 'access_log.staff_name', 'access_log.service_name', 'access_log.object_type', 'access_log.thread_id', 'thread.subject'])
      .where('access_log.citizen_id', '=', this.citizenId)
      .orderBy('access_log.at', 'desc')
      .orderBy('access_log.seq', 'desc')
      .limit(limit)
      .execute();
    return groupAccessVisits(rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      staffName: row.staff_name,
      serviceName: row.service_name,
      objectType: row.object_type,
      threadId: row.thread_id,
      subject: row.subject,
    })));
  }

  private async receivedServices(executor: Executor): Promise<ReceivedService[]> {
    const rows = await executor
      .selectFrom('service_enrolment')
      .innerJoin('municipal_service', 'municipal_service.id', 'service_enrolment.service_id')
      .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
      .select(['municipal_service.id', 'municipal_service.name', 'municipal_service.digital_contact', 'organization.name as organization_name', 'organization.municipality'])
      .where('service_enrolment.citizen_id', '=', this.citizenId)
      .where('service_enrolment.status', '=', 'active')
      .orderBy('municipal_service.name')
      .execute();
    const seen = new Set<string>();
    return rows
      .filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)))
      .map((row) => ({
        id: row.id,
        name: row.name,
        displayName: serviceDisplayName({ name: row.name, organizationName: row.organization_name }),
        organizationName: row.organization_name,
        municipality: row.municipality,
        digitalContact: row.digital_contact,
      }));
  }

  /** The rules, in order: trial, enrolment (locked against a concurrent end), digital contact. */
  private async check(executor: Executor, serviceId: string): Promise<{ citizenName: string; service: ServiceFacts } | { reason: MessagingRefusal }> {
    const citizen = await executor
      .selectFrom('citizen')
      .leftJoin('municipality', 'municipality.name', 'citizen.municipality')
      .select(['citizen.name', 'municipality.in_trial'])
      .where('citizen.id', '=', this.citizenId)
      .executeTakeFirst();
    if (!citizen || citizen.in_trial !== true) return { reason: 'not-in-trial' };
    let enrolment = executor
      .selectFrom('service_enrolment')
      .innerJoin('municipal_service', 'municipal_service.id', 'service_enrolment.service_id')
      .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
      .select(['municipal_service.id', 'municipal_service.name', 'municipal_service.digital_contact', 'organization.id as organization_id', 'organization.name as organization_name'])
      .where('service_enrolment.citizen_id', '=', this.citizenId)
      .where('service_enrolment.service_id', '=', serviceId)
      .where('service_enrolment.status', '=', 'active')
      .limit(1);
    if (executor.isTransaction) enrolment = enrolment.forShare('service_enrolment');
    const service = await enrolment.executeTakeFirst();
    if (!service) return { reason: 'not-received' };
    if (!service.digital_contact) return { reason: 'no-digital-contact' };
    return {
      citizenName: citizen.name,
      service: { id: service.id, name: service.name, organizationId: service.organization_id, organizationName: service.organization_name },
    };
  }
}
