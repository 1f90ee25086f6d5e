/**
 * A sender's forms, for its own organisation only: publishing Questionnaires,
 * ordering them for citizens (Task), reading and cancelling orders, reading the
 * answers. Every query filters by the organisation, so another's id is not found.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  formMessageKind,
  identifierReuse,
  isRefusedByReservation,
  taskStatesBefore,
  type IncomingFormOrder,
  type IncomingQuestionnaire,
  type SenderKind,
} from '@innboks/core';
import type { FormResponseForSender, FormTaskForSender, QuestionnaireForSender } from '@innboks/fhir';
import type { Database, OrganizationRow, QuestionnaireRow } from '../../schema.ts';
import { enqueueJob } from '../../queue/job-queue.ts';
import { expireFormTaskJob } from '../../queue/job-kinds.ts';
import { citizenIdFor, upsertCitizen } from '../citizens.ts';
import { isUuid } from '../is-uuid.ts';
import { insertLetterRows } from '../letter-rows.ts';
import { letterThread } from '../letter-message.ts';
import { responseForSender, selectResponses, selectTasks, taskForSender } from './form-rows.ts';
import { identifiedItem, recordIdentifier } from '../sender-identifiers.ts';

export type OrderOutcome =
  | { outcome: 'created' | 'existing'; task: FormTaskForSender }
  | { outcome: 'identifier-of-other-citizen' | 'unknown-questionnaire' | 'reserved-against-research' };

export type CancelOutcome = { outcome: 'cancelled' | 'final'; task: FormTaskForSender } | { outcome: 'not-found' };

/** The system of the inbox letter an ordered form arrives as; its value is the Task's id. */
export const formTaskLetterSystem = 'urn:innboks:form-task';

const toStored = (row: QuestionnaireRow): QuestionnaireForSender => ({ id: row.id, versionId: row.version_id, updatedAt: row.updated_at, resource: row.resource });

export class SenderForms {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organization: OrganizationRow,
  ) {}

  /** Create or replace by url + version: one statement, so two publishers at once leave one row. */
  async publish(questionnaire: IncomingQuestionnaire, now: Date): Promise<{ created: boolean; stored: QuestionnaireForSender }> {
    const row = await this.db
      .insertInto('questionnaire')
      .values({
        organization_id: this.organization.id,
        url: questionnaire.url,
        version: questionnaire.version,
        status: questionnaire.status,
        title: questionnaire.title,
        all_citizens: questionnaire.allCitizens,
        resource: JSON.stringify(questionnaire.resource),
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['organization_id', 'url', 'version']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          title: eb.ref('excluded.title'),
          all_citizens: eb.ref('excluded.all_citizens'),
          resource: eb.ref('excluded.resource'),
          updated_at: eb.ref('excluded.updated_at'),
          version_id: eb(eb.ref('questionnaire.version_id'), '+', 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return { created: row.version_id === 1, stored: toStored(row) };
  }

  async questionnaire(id: string): Promise<QuestionnaireForSender | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.selectFrom('questionnaire').selectAll().where('id', '=', id).where('organization_id', '=', this.organization.id).executeTakeFirst();
    return row ? toStored(row) : undefined;
  }

  async questionnairesByUrl(url: string, version: string | undefined): Promise<QuestionnaireForSender[]> {
    let query = this.db.selectFrom('questionnaire').selectAll().where('organization_id', '=', this.organization.id).where('url', '=', url);
    if (version !== undefined) query = query.where('version', '=', version);
    return (await query.orderBy('created_at').execute()).map(toStored);
  }

  /** Whether a letter from this organisation to the citizen is refused by their reservation against research. */
  async refusedByReservation(nationalId: string): Promise<boolean> {
    if (this.organization.kind !== 'research') return false;
    // The directory names the citizen, then the reservation is read on the citizen's shard.
    const citizenId = await citizenIdFor(this.db, nationalId);
    const row = citizenId === undefined ? undefined : await this.db.selectFrom('research_reservation').select('citizen_id').where('citizen_id', '=', citizenId).executeTakeFirst();
    return isRefusedByReservation(this.organization.kind as SenderKind, row !== undefined);
  }

  /**
   * The order, its inbox letter (with the usual delivery and notice) and the job
   * that fails it at its closing moment, in one transaction. A repeat of the
   * identifier answers the first order; a refused one stores nothing.
   */
  async order(order: IncomingFormOrder, now: Date): Promise<OrderOutcome> {
    const repeat = await this.repeatOf(order);
    if (repeat) return repeat;
    if (await this.refusedByReservation(order.citizenNationalId)) return { outcome: 'reserved-against-research' };
    const questionnaire = await this.db
      .selectFrom('questionnaire')
      .select(['id', 'title'])
      .where('organization_id', '=', this.organization.id)
      .where('url', '=', order.questionnaire.url)
      .where('version', '=', order.questionnaire.version)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!questionnaire) return { outcome: 'unknown-questionnaire' };
    try {
      const taskId = await this.db.transaction().execute(async (tx) => {
        const citizenId = await upsertCitizen(tx, order.citizenNationalId);
        const taskId = randomUUID();
        const messageId = randomUUID();
        await tx
          .insertInto('form_task')
          .values({
            id: taskId,
            citizen_id: citizenId,
            organization_id: this.organization.id,
            questionnaire_id: questionnaire.id,
            identifier_system: order.identifier.system,
            identifier_value: order.identifier.value,
            status: 'requested',
            status_reason: null,
            description: order.description,
            closes_at: order.closesAt,
            message_id: messageId,
            created_at: now,
            updated_at: now,
            representative_access: order.representativeAccess,
          })
          .execute();
        await recordIdentifier(tx, { organizationId: this.organization.id, kind: 'form_task', system: order.identifier.system, value: order.identifier.value }, { citizenId, itemId: taskId });
        const letter = {
          citizenNationalId: order.citizenNationalId,
          organizationNumber: this.organization.org_number,
          senderDisplay: undefined,
          identifier: { system: formTaskLetterSystem, value: taskId },
          subject: questionnaire.title,
          kind: formMessageKind(this.organization.kind as SenderKind),
          priority: 'routine' as const,
          important: false,
          textParts: [order.description ?? 'Du er bedt om å fylle ut et skjema.'],
          attachments: [],
          inResponseTo: undefined,
          // The order's letter is seen by whom the form is seen by: its thread carries the Task's code.
          representativeAccess: order.representativeAccess ?? undefined,
        };
        await insertLetterRows(tx, this.organization, citizenId, { starts: letterThread(this.organization, letter) }, letter, messageId, now);
        if (order.closesAt) await enqueueJob(tx, expireFormTaskJob, { citizenId, taskId }, { runAt: order.closesAt });
        return taskId;
      });
      return { outcome: 'created', task: (await this.task(taskId))! };
    } catch (error) {
      // The same identifier sent twice at once: the second finds the first.
      const raced = (error as { code?: unknown }).code === '23505' ? await this.repeatOf(order) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async repeatOf(order: IncomingFormOrder): Promise<OrderOutcome | undefined> {
    const existing = await this.taskByIdentifier(order.identifier.system, order.identifier.value);
    if (!existing) return undefined;
    return identifierReuse(existing.citizenNationalId, order.citizenNationalId) === 'repeat' ? { outcome: 'existing', task: existing } : { outcome: 'identifier-of-other-citizen' };
  }

  async task(id: string): Promise<FormTaskForSender | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await selectTasks(this.db).where('t.id', '=', id).where('t.organization_id', '=', this.organization.id).executeTakeFirst();
    return row ? taskForSender(row) : undefined;
  }

  async taskByIdentifier(system: string, value: string): Promise<FormTaskForSender | undefined> {
    const held = await identifiedItem(this.db, { organizationId: this.organization.id, kind: 'form_task', system, value });
    if (!held) return undefined;
    const row = await selectTasks(this.db).where('t.citizen_id', '=', held.citizenId).where('t.id', '=', held.itemId).executeTakeFirst();
    return row ? taskForSender(row) : undefined;
  }

  /** Orders changed after `after`, oldest change first, so a poller can resume. */
  async tasksChanged(after: Date | undefined, count: number): Promise<{ items: FormTaskForSender[]; hasMore: boolean }> {
    let query = selectTasks(this.db).where('t.organization_id', '=', this.organization.id);
    if (after) query = query.where('t.updated_at', '>', after);
    const rows = await query.orderBy('t.updated_at').orderBy('t.id').limit(count + 1).execute();
    return { items: rows.slice(0, count).map(taskForSender), hasMore: rows.length > count };
  }

  /** Cancelled, unless it was already submitted, expired or cancelled: a final state stays. */
  async cancel(id: string, now: Date): Promise<CancelOutcome> {
    if (!isUuid(id)) return { outcome: 'not-found' };
    const moved = await this.db
      .updateTable('form_task')
      .set((eb) => ({ status: 'cancelled', updated_at: now, version_id: eb('version_id', '+', 1) }))
      .where('id', '=', id)
      .where('organization_id', '=', this.organization.id)
      .where('status', 'in', taskStatesBefore('cancelled'))
      .executeTakeFirst();
    const task = await this.task(id);
    if (!task) return { outcome: 'not-found' };
    return { outcome: moved.numUpdatedRows > 0n ? 'cancelled' : 'final', task };
  }

  async response(id: string): Promise<FormResponseForSender | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await selectResponses(this.db).where('r.id', '=', id).where('r.organization_id', '=', this.organization.id).executeTakeFirst();
    return row ? responseForSender(row) : undefined;
  }

  async responseOfTask(taskId: string): Promise<FormResponseForSender[]> {
    if (!isUuid(taskId)) return [];
    const rows = await selectResponses(this.db).where('r.task_id', '=', taskId).where('r.organization_id', '=', this.organization.id).execute();
    return rows.map(responseForSender);
  }

  /** Answers to one of this organisation's forms (any version, or the one named), oldest first, paged. */
  async responsesTo(form: { url: string; version?: string }, after: Date | undefined, count: number): Promise<{ items: FormResponseForSender[]; hasMore: boolean }> {
    let query = selectResponses(this.db).where('r.organization_id', '=', this.organization.id).where('q.url', '=', form.url);
    if (form.version !== undefined) query = query.where('q.version', '=', form.version);
    if (after) query = query.where('r.updated_at', '>', after);
    const rows = await query.orderBy('r.updated_at').orderBy('r.id').limit(count + 1).execute();
    return { items: rows.slice(0, count).map(responseForSender), hasMore: rows.length > count };
  }
}
