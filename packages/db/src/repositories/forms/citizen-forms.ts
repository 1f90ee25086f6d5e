/**
 * A citizen's forms, for one citizen: what waits for them (ordered forms), what
 * anyone may fill in (the catalogue), their drafts; opening a form, saving a draft,
 * submitting once; and their reservation against research. Every query filters by
 * the citizen, so another person's form is "not found". Someone acting for the person
 * sees only the forms the rule table lets them (`representative_access`, as for
 * letters; a catalogue draft a representative wrote counts as `N`, like a thread they
 * start), every read and answer of theirs is recorded in its own transaction, and
 * what they save names how they act for the person (`author_relation`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { isTaskExpired, isTaskOpen, taskStatesBefore, type ItemVisibility, type RepresentationRelation, type TaskStatus } from '@innboks/core';
import type { Database } from '../../schema.ts';
import { enqueueJob } from '../../queue/job-queue.ts';
import { formReceiptJob } from '../../queue/job-kinds.ts';
import { isUuid } from '../is-uuid.ts';
import { ownItems } from '../citizen-inbox.ts';
import { visibleItemsSql } from '../../representation/item-visibility-sql.ts';
import { recorded, type ActionRecorder } from '../../representation/representation-log.ts';

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

/** Who answers the forms of this scope: the person, or a representative by one relation. */
export interface FormAuthor {
  nationalId: string;
  /** Null: the person themselves. */
  relation: RepresentationRelation | null;
}

/** A catalogue draft's code for the rule table: one a representative wrote is `N`, the person's own is unmarked. */
const draftAccess = sql<string | null>`case when r.author_relation is null then null else 'N' end`;

export class CitizenForms {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
    private readonly author: FormAuthor,
    private readonly visibility: ItemVisibility = ownItems,
    private readonly recorder?: ActionRecorder,
  ) {}

  private visibleTask(alias: string) {
    return visibleItemsSql(this.visibility, `${alias}.representative_access`);
  }

  private visibleDraft() {
    return visibleItemsSql(this.visibility, draftAccess);
  }

  /** Forms waiting for the citizen, their drafts of catalogue forms, and the catalogue. */
  overview(now: Date): Promise<{ waiting: FormListItem[]; drafts: FormListItem[]; catalogue: FormListItem[] }> {
    return recorded(this.db, this.recorder, (executor) => this.readOverview(executor, now), () => ({ action: 'list', objectKind: 'forms' }));
  }

  private async readOverview(db: Kysely<Database>, now: Date): Promise<{ waiting: FormListItem[]; drafts: FormListItem[]; catalogue: FormListItem[] }> {
    // One after another: inside a representative's recorded transaction they share one connection.
    const tasks = await db
        .selectFrom('form_task as t')
        .innerJoin('questionnaire as q', 'q.id', 't.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 't.organization_id')
        .select(['t.id', 'q.title', 'o.name', 't.closes_at', 't.updated_at', 't.status'])
        .where('t.citizen_id', '=', this.citizenId)
        .where('t.status', 'in', ['requested', 'in-progress'])
        .where(this.visibleTask('t'))
        .orderBy('t.created_at', 'desc')
        .execute();
    const drafts = await db
        .selectFrom('form_response as r')
        .innerJoin('questionnaire as q', 'q.id', 'r.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 'q.organization_id')
        .select(['q.id', 'q.title', 'o.name', 'r.updated_at'])
        .where('r.citizen_id', '=', this.citizenId)
        .where('r.task_id', 'is', null)
        .where('r.status', '=', 'in-progress')
        .where(this.visibleDraft())
        .orderBy('r.updated_at', 'desc')
        .execute();
    const catalogue = await db
        .selectFrom('questionnaire as q')
        .innerJoin('organization as o', 'o.id', 'q.organization_id')
        .select(['q.id', 'q.title', 'o.name', 'q.updated_at'])
        .where('q.all_citizens', '=', true)
        .where('q.status', '=', 'active')
        .orderBy('q.title')
        .orderBy('q.id')
        .limit(200)
        .execute();
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
    const row = await this.db
      .selectFrom('form_task as t')
      .select('t.id')
      .where('t.citizen_id', '=', this.citizenId)
      .where('t.message_id', '=', messageId)
      .where(this.visibleTask('t'))
      .executeTakeFirst();
    return row?.id;
  }

  /** Opens a form with its draft; opening an ordered form tells the sender it is in progress. A representative's look is recorded. */
  open(target: FormTarget, now: Date): Promise<FormToFill | undefined> {
    const id = target.kind === 'task' ? target.taskId : target.questionnaireId;
    return recorded(
      this.db,
      this.recorder,
      (executor) => this.read(executor, target, now),
      (form) => (form ? { action: 'read', objectKind: 'form', objectId: id } : undefined),
    );
  }

  private async read(db: Kysely<Database>, target: FormTarget, now: Date): Promise<FormToFill | undefined> {
    if (target.kind === 'task') {
      if (!isUuid(target.taskId)) return undefined;
      const row = await db
        .selectFrom('form_task as t')
        .innerJoin('questionnaire as q', 'q.id', 't.questionnaire_id')
        .innerJoin('organization as o', 'o.id', 't.organization_id')
        .leftJoin('form_response as r', 'r.task_id', 't.id')
        .select(['q.title', 'q.resource', 'o.name', 't.status', 't.closes_at', 'r.items', 'r.status as response_status', 'r.authored_at'])
        .where('t.id', '=', target.taskId)
        .where('t.citizen_id', '=', this.citizenId)
        .where(this.visibleTask('t'))
        .executeTakeFirst();
      if (!row) return undefined;
      const state = taskState(row.status, row.closes_at, now);
      if (state === 'open' && row.status === 'requested') await moveTask(db, target.taskId, 'in-progress', now);
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
    const form = await this.catalogueForm(db, target.questionnaireId);
    if (!form) return undefined;
    const draft = await this.catalogueDraft(db, form.id);
    if (draft && !draft.visible) return undefined;
    return { target, title: form.title, organizationName: form.name, questionnaire: form.resource, draft: draft?.items ?? null, state: 'open', closesAt: null, submittedAt: null };
  }

  /** The person's one draft of a catalogue form, and whether this scope's viewer may see it. */
  private catalogueDraft(db: Kysely<Database>, questionnaireId: string) {
    return db
      .selectFrom('form_response as r')
      .select(['r.id', 'r.items', this.visibleDraft().as('visible')])
      .where('r.citizen_id', '=', this.citizenId)
      .where('r.questionnaire_id', '=', questionnaireId)
      .where('r.task_id', 'is', null)
      .where('r.status', '=', 'in-progress')
      .executeTakeFirst();
  }

  /** Saves the answers so far; on another device the same form opens with them. */
  saveDraft(target: FormTarget, items: unknown[], now: Date): Promise<DraftOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const form = await this.lockForAnswer(tx, target, now);
      if (form.outcome !== 'open') return { outcome: form.outcome };
      const responseId = await this.writeResponse(tx, form, items, now, 'in-progress');
      if (form.taskId) await moveTask(tx, form.taskId, 'in-progress', now);
      await this.recorder?.record(tx, { action: 'update', objectKind: 'form-draft', objectId: responseId });
      return { outcome: 'saved' };
    });
  }

  /** Submits once: the task is locked, so a second submit (or a second tab) finds it submitted. */
  submit(target: FormTarget, items: unknown[], now: Date): Promise<SubmitOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const form = await this.lockForAnswer(tx, target, now);
      if (form.outcome !== 'open') return { outcome: form.outcome };
      const responseId = await this.writeResponse(tx, form, items, now, 'completed');
      await this.recorder?.record(tx, { action: 'send', objectKind: 'form', objectId: responseId });
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

  private catalogueForm(db: Kysely<Database>, questionnaireId: string) {
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
      if (!form) return { outcome: 'not-found' };
      // The person's own draft, hidden from this viewer, is not theirs to write over.
      const draft = await this.catalogueDraft(tx, form.id);
      if (draft && !draft.visible) return { outcome: 'not-found' };
      return { outcome: 'open', taskId: null, questionnaireId: form.id, organizationId: form.organization_id };
    }
    if (!isUuid(target.taskId)) return { outcome: 'not-found' };
    const task = await tx
      .selectFrom('form_task')
      .select(['id', 'status', 'closes_at', 'questionnaire_id', 'organization_id'])
      .where('id', '=', target.taskId)
      .where('citizen_id', '=', this.citizenId)
      .where(visibleItemsSql(this.visibility, 'representative_access'))
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
    now: Date,
    status: 'in-progress' | 'completed',
  ): Promise<string> {
    const author = { author_national_id: this.author.nationalId, author_relation: this.author.relation };
    const authoredAt = status === 'completed' ? now : null;
    let existing = tx.selectFrom('form_response').select('id').where('citizen_id', '=', this.citizenId).where('status', '=', 'in-progress');
    existing = form.taskId ? existing.where('task_id', '=', form.taskId) : existing.where('task_id', 'is', null).where('questionnaire_id', '=', form.questionnaireId);
    const draft = await existing.executeTakeFirst();
    if (draft) {
      await tx
        .updateTable('form_response')
        .set({ items: JSON.stringify(items), status, ...author, authored_at: authoredAt, updated_at: now })
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
        ...author,
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
