/**
 * The citizen's forms (contract: packages/contracts/src/forms.ts): the Skjema list,
 * opening a form with its draft, saving a draft, submitting once, and the
 * reservation against research. Thin: every rule is in the citizen's scope
 * (CitizenForms), which reaches only this citizen's forms.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerAttachmentProblems, type AnswerProblem, type Clock } from '@innboks/core';
import type { FormListItem as StoredListItem, FormTarget } from '@innboks/db';
import {
  formAnswersSchema,
  formKindSchema,
  researchReservationSchema,
  type FormDraftSaved,
  type FormKind,
  type FormListItem,
  type FormsOverview,
  type FormSubmitted,
  type FormToFill,
  type ResearchReservation,
} from '@innboks/contracts';
import { problem, problems, type FieldProblem } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';

export interface FormRouteOptions {
  guards: Guards;
  clock: Clock;
}

const formParams = z.object({ kind: formKindSchema, id: z.string() });

const targetOf = (kind: FormKind, id: string): FormTarget => (kind === 'ordered' ? { kind: 'task', taskId: id } : { kind: 'catalogue', questionnaireId: id });
const kindOf = (target: FormTarget): { kind: FormKind; id: string } =>
  target.kind === 'task' ? { kind: 'ordered', id: target.taskId } : { kind: 'catalogue', id: target.questionnaireId };

const listItem = (item: StoredListItem): FormListItem => ({
  ...kindOf(item.target),
  title: item.title,
  organizationName: item.organizationName,
  closesAt: item.closesAt?.toISOString() ?? null,
  updatedAt: item.updatedAt.toISOString(),
});

/** Why a form cannot take answers, as the citizen reads it. */
const closed = {
  'already-submitted': () => problem(409, 'formAlreadySubmitted'),
  expired: () => problem(409, 'formExpired'),
  cancelled: () => problem(409, 'formCancelled'),
  'not-found': () => problems.notFound(),
};

export async function registerFormRoutes(app: FastifyInstance, options: FormRouteOptions): Promise<void> {
  const { clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const asCitizen = { preHandler: options.guards.citizen };

  routes.get('/api/forms', asCitizen, async (request): Promise<FormsOverview> => {
    const overview = await citizenScope(request).forms.overview(clock.now());
    return { waiting: overview.waiting.map(listItem), drafts: overview.drafts.map(listItem), catalogue: overview.catalogue.map(listItem) };
  });

  routes.get('/api/forms/:kind/:id', { ...asCitizen, schema: { params: formParams } }, async (request): Promise<FormToFill> => {
    const form = await citizenScope(request).forms.open(targetOf(request.params.kind, request.params.id), clock.now());
    if (!form) throw problems.notFound();
    return {
      ...kindOf(form.target),
      title: form.title,
      organizationName: form.organizationName,
      questionnaire: form.questionnaire,
      draft: form.draft,
      state: form.state,
      closesAt: form.closesAt?.toISOString() ?? null,
      submittedAt: form.submittedAt?.toISOString() ?? null,
    };
  });

  const checkedAnswers = (items: Record<string, unknown>[]) => {
    const found = answerAttachmentProblems(items);
    if (found.length > 0) throw problems.badRequest(found.map(attachmentFieldProblem));
    return items;
  };

  routes.put('/api/forms/:kind/:id/draft', { ...asCitizen, schema: { params: formParams, body: formAnswersSchema } }, async (request): Promise<FormDraftSaved> => {
    const citizen = citizenScope(request);
    const items = checkedAnswers(request.body.items);
    const now = clock.now();
    const saved = await citizen.forms.saveDraft(targetOf(request.params.kind, request.params.id), items, now);
    if (saved.outcome !== 'saved') throw closed[saved.outcome]();
    return { savedAt: now.toISOString() };
  });

  routes.post('/api/forms/:kind/:id/submit', { ...asCitizen, schema: { params: formParams, body: formAnswersSchema } }, async (request, reply): Promise<FormSubmitted> => {
    const citizen = citizenScope(request);
    const items = checkedAnswers(request.body.items);
    const submitted = await citizen.forms.submit(targetOf(request.params.kind, request.params.id), items, clock.now());
    if (submitted.outcome !== 'submitted') throw closed[submitted.outcome]();
    reply.code(201);
    return { responseId: submitted.responseId };
  });

  routes.get('/api/research-reservation', asCitizen, async (request): Promise<ResearchReservation> => {
    return { reserved: await citizenScope(request).forms.isReservedAgainstResearch() };
  });

  routes.put('/api/research-reservation', { ...asCitizen, schema: { body: researchReservationSchema } }, async (request): Promise<ResearchReservation> => {
    const citizen = citizenScope(request);
    // The reservation is the person's own choice: someone acting for them may see it, not change it.
    if (citizen.actsForAnother) throw problem(403, 'reservationNotOwn', { errors: [{ field: 'reserved', says: 'reservationNotOwn' }] });
    await citizen.forms.setReservedAgainstResearch(request.body.reserved, clock.now());
    return { reserved: request.body.reserved };
  });
}

/** An attached file's problem, as the citizen reads it in their language. */
function attachmentFieldProblem({ field, problem: found }: AnswerProblem): FieldProblem {
  switch (found.code) {
    case 'not-base64':
      return { field, says: 'attachmentNotBase64' };
    case 'too-many':
    case 'too-large':
    case 'total-too-large':
      return { field, says: 'attachmentTooLarge', params: { megabytes: Math.floor(found.max / (1024 * 1024)) } };
    case 'empty':
      return { field, says: 'attachmentEmpty' };
    case 'type-not-allowed':
      return { field, says: 'attachmentTypeNotAllowed' };
    case 'type-mismatch':
      return { field, says: 'attachmentTypeMismatch' };
    case 'not-a-pdf':
      return { field, says: 'attachmentNotPdf' };
  }
}
