/**
 * A citizen's forms, for one citizen: what waits for them (ordered forms), what
 * anyone may fill in (the catalogue), their drafts; opening a form, saving a draft,
 * submitting once; and their reservation against research. Every query filters by
 * the citizen, so another person's form is "not found".
 */
import type { Kysely, Transaction } from 'kysely';
import { isTaskExpired, isTaskOpen, taskStatesBefore, type TaskStatus } from '@innboks/core';
import type { Database } from '../../schema.ts';
import { enqueueJob } from '../../queue/job-queue.ts';
import { formReceiptJob } from '../../queue/job-kinds.ts';
import { isUuid } from '../is-uuid.ts';

/** A form the citizen fills in: one ordered for them, or a catalogue form they started. */
export type FormTarget = { kind: 'task'; taskId: string } | { kind: 'catalogue'; questionnaireId: string };

export interface FormToFill {
  target: FormTarget;
  title: string;
  organizationName: string;
  questionnaire: Record<string, unknown>;
  /** The draft's answers (QuestionnaireResponse.item), or null when none is saved. */
  draft: unknown[] | null;
  /** `open`, or why the form can no longer be submitted. */
  state: 'open' | 'submitted' | 'expired' | 'cancelled';
  closesAt: Date | null;
  submittedAt: Date | null;
}

export interface FormListItem {
  target: FormTarget;
  title: string;
  organizationName: string;
  closesAt: Date | null;
  updatedAt: Date;
}

export type SubmitOutcome = { outcome: 'submitted'; responseId: string } | { outcome: 'not-found' | 'already-submitted' | 'expired' | 'cancelled' };
export type DraftOutcome = { outcome: 'saved' } | { outcome: 'not-found' | 'already-submitted' | 'expired' | 'cancelled' };

type Tx = Transaction<Database>;

export class CitizenForms {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
  ) {}

  /** Forms waiting for the citizen, their drafts of catalogue forms, and the catalogue. */
  async overview(now: Date): Promise<{ waiting: FormListItem[]; drafts: FormListItem[]; catalogue: FormListItem[] }> {
    const [tasks, drafts, catalogue] = await Promise.all([
      this.db
        .selectFrom('form_task as t')
        .innerJoin('questionnaire as q', 'q.id', 't.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 't.organization_id')
        .select(['t.id', 'q.title', 'o.name', 't.closes_at', 't.updated_at', 't.status'])
        .where('t.citizen_id', '=', this.citizenId)
        .where('t.status', 'in', ['requested', 'in-progress'])
        .orderBy('t.created_at', 'desc')
        .execute(),
      this.db
        .selectFrom('form_response as r')
        .innerJoin('questionnaire as q', 'q.id', 'r.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 'q.organization_id')
        .select(['q.id', 'q.title', 'o.name', 'r.updated_at'])
        .where('r.citizen_id', '=', this.citizenId)
        .where('r.task_id', 'is', null)
        .where('r.status', '=', 'in-progress')
        .orderBy('r.updated_at', 'desc')
        .execute(),
      this.db
        .selectFrom('questionnaire as q')
        .innerJoin('organization as o', 'o.id', 'q.organization_id')
        .select(['q.id', 'q.title', 'o.name', 'q.updated_at'])
        .where('q.all_citizens', '=', true)
        .where('q.status', '=', 'active')
        .orderBy('q.title')
        .orderBy('q.id')
        .limit(200)
        .execute(),
    ]);
    return {
      waiting: tasks
        .filter((task) => !isTaskExpired(task.closes_at, now))
        .map((task) => ({ target: { kind: 'task', taskId: task.id }, title: task.title, organizationName: task.name, closesAt: task.closes_at, updatedAt: task.updated_at })),
      drafts: drafts.map((draft) => ({ target: { kind: 'catalogue', questionnaireId: draft.id }, title: draft.title, organizationName: draft.name, closesAt: null, updatedAt: draft.updated_at })),
      catalogue: catalogue.map((form) => ({ target: { kind: 'catalogue', questionnaireId: form.id }, title: form.title, organizationName: form.name, closesAt: null, updatedAt: form.updated_at })),
    };
  }

  /** The ordered form an inbox letter brought, if it brought one. */
  async taskOfMessage(messageId: string): Promise<string | undefined> {
    if (!isUuid(messageId)) return undefined;
    const row = await this.db.selectFrom('form_task').select('id').where('citizen_id', '=', this.citizenId).where('message_id', '=', messageId).executeTakeFirst();
    return row?.id;
  }

  /** Opens a form with its draft; opening an ordered form tells the sender it is in progress. */
  async open(target: FormTarget, now: Date): Promise<FormToFill | undefined> {
    if (target.kind === 'task') {
      if (!isUuid(target.taskId)) return undefined;
      const row = await this.db
        .selectFrom('form_task as t')
        .innerJoin('questionnaire as q', 'q.id', 't.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 't.organization_id')
        .leftJoin('form_response as r', 'r.task_id', 't.id')
        .select(['q.title', 'q.resource', 'o.name', 't.status', 't.closes_at', 'r.items', 'r.status as response_status', 'r.authored_at'])
        .where('t.id', '=', target.taskId)
        .where('t.citizen_id', '=', this.citizenId)
        .executeTakeFirst();
      if (!row) return undefined;
      const state = taskState(row.status, row.closes_at, now);
      if (state === 'open' && row.status === 'requested') await moveTask(this.db, target.taskId, 'in-progress', now);
      return {
        target,
        title: row.title,
        organizationName: row.name,
        questionnaire: row.resource,
        draft: row.items ?? null,
        state,
        closesAt: row.closes_at,
        submittedAt: row.response_status === 'completed' ? row.authored_at : null,
      };
    }
    if (!isUuid(target.questionnaireId)) return undefined;
    const form = await this.catalogueForm(this.db, target.questionnaireId);
    if (!form) return undefined;
    const draft = await this.db
      .selectFrom('form_response')
      .select('items')
      .where('citizen_id', '=', this.citizenId)
      .where('questionnaire_id', '=', form.id)
      .where('task_id', 'is', null)
      .where('status', '=', 'in-progress')
      .executeTakeFirst();
    return { target, title: form.title, organizationName: form.name, questionnaire: form.resource, draft: draft?.items ?? null, state: 'open', closesAt: null, submittedAt: null };
  }

  /** Saves the answers so far; on another device the same form opens with them. */
  saveDraft(target: FormTarget, items: unknown[], authorNationalId: string, now: Date): Promise<DraftOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const form = await this.lockForAnswer(tx, target, now);
      if (form.outcome !== 'open') return { outcome: form.outcome };
      await this.writeResponse(tx, form, items, authorNationalId, now, 'in-progress');
      if (form.taskId) await moveTask(tx, form.taskId, 'in-progress', now);
      return { outcome: 'saved' };
    });
  }

  /** Submits once: the task is locked, so a second submit (or a second tab) finds it submitted. */
  submit(target: FormTarget, items: unknown[], authorNationalId: string, now: Date): Promise<SubmitOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const form = await this.lockForAnswer(tx, target, now);
      if (form.outcome !== 'open') return { outcome: form.outcome };
      const responseId = await this.writeResponse(tx, form, items, authorNationalId, now, 'completed');
      if (form.taskId) {
        await tx
          .updateTable('form_task')
          .set((eb) => ({ status: 'completed', response_id: responseId, updated_at: now, version_id: eb('version_id', '+', 1) }))
          .where('id', '=', form.taskId)
          .where('status', 'in', taskStatesBefore('completed'))
          .execute();
      }
      await enqueueJob(tx, formReceiptJob, { citizenId: this.citizenId, responseId }, { runAt: now });
      return { outcome: 'submitted', responseId };
    });
  }

  async isReservedAgainstResearch(): Promise<boolean> {
    const row = await this.db.selectFrom('research_reservation').select('citizen_id').where('citizen_id', '=', this.citizenId).executeTakeFirst();
    return row !== undefined;
  }

  async setReservedAgainstResearch(reserved: boolean, now: Date): Promise<void> {
    if (reserved) {
      await this.db.insertInto('research_reservation').values({ citizen_id: this.citizenId, reserved_at: now }).onConflict((conflict) => conflict.column('citizen_id').doNothing()).execute();
    } else {
      await this.db.deleteFrom('research_reservation').where('citizen_id', '=', this.citizenId).execute();
    }
  }

  private catalogueForm(db: Kysely<Database> | Tx, questionnaireId: string) {
    return db
      .selectFrom('questionnaire as q')
      .innerJoin('organization as o', 'o.id', 'q.organization_id')
      .select(['q.id', 'q.title', 'q.resource', 'q.organization_id', 'o.name'])
      .where('q.id', '=', questionnaireId)
      .where('q.all_citizens', '=', true)
      .where('q.status', '=', 'active')
      .executeTakeFirst();
  }

  private async lockForAnswer(
    tx: Tx,
    target: FormTarget,
    now: Date,
  ): Promise<{ outcome: 'open'; taskId: string | null; questionnaireId: string; organizationId: string } | { outcome: 'not-found' | 'already-submitted' | 'expired' | 'cancelled' }> {
    if (target.kind === 'catalogue') {
      if (!isUuid(target.questionnaireId)) return { outcome: 'not-found' };
      const form = await this.catalogueForm(tx, target.questionnaireId);
      return form ? { outcome: 'open', taskId: null, questionnaireId: form.id, organizationId: form.organization_id } : { outcome: 'not-found' };
    }
    if (!isUuid(target.taskId)) return { outcome: 'not-found' };
    const task = await tx
      .selectFrom('form_task')
      .select(['id', 'status', 'closes_at', 'questionnaire_id', 'organization_id'])
      .where('id', '=', target.taskId)
      .where('citizen_id', '=', this.citizenId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) return { outcome: 'not-found' };
    const state = taskState(task.status, task.closes_at, now);
    if (state === 'submitted') return { outcome: 'already-submitted' };
    if (state !== 'open') return { outcome: state };
    return { outcome: 'open', taskId: task.id, questionnaireId: task.questionnaire_id, organizationId: task.organization_id };
  }

  /** The task's one response, or the citizen's one draft of a catalogue form, written over; a new row when there is none. */
  private async writeResponse(
    tx: Tx,
    form: { taskId: string | null; questionnaireId: string; organizationId: string },
    items: unknown[],
    authorNationalId: string,
    now: Date,
    status: 'in-progress' | 'completed',
  ): Promise<string> {
    const authoredAt = status === 'completed' ? now : null;
    let existing = tx.selectFrom('form_response').select('id').where('citizen_id', '=', this.citizenId).where('status', '=', 'in-progress');
    existing = form.taskId ? existing.where('task_id', '=', form.taskId) : existing.where('task_id', 'is', null).where('questionnaire_id', '=', form.questionnaireId);
    const draft = await existing.executeTakeFirst();
    if (draft) {
      await tx
        .updateTable('form_response')
        .set({ items: JSON.stringify(items), status, author_national_id: authorNationalId, authored_at: authoredAt, updated_at: now })
        .where('id', '=', draft.id)
        .where('citizen_id', '=', this.citizenId)
        .execute();
      return draft.id;
    }
    const row = await tx
      .insertInto('form_response')
      .values({
        citizen_id: this.citizenId,
        questionnaire_id: form.questionnaireId,
        organization_id: form.organizationId,
        task_id: form.taskId,
        status,
        items: JSON.stringify(items),
        author_national_id: authorNationalId,
        authored_at: authoredAt,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}

function taskState(status: TaskStatus, closesAt: Date | null, now: Date): FormToFill['state'] {
  if (status === 'completed') return 'submitted';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'failed' || isTaskExpired(closesAt, now) || !isTaskOpen(status)) return 'expired';
  return 'open';
}

async function moveTask(tx: Kysely<Database> | Tx, taskId: string, to: TaskStatus, now: Date): Promise<void> {
  await tx
    .updateTable('form_task')
    .set((eb) => ({ status: to, updated_at: now, version_id: eb('version_id', '+', 1) }))
    .where('id', '=', taskId)
    .where('status', 'in', taskStatesBefore(to))
    .execute();
}
