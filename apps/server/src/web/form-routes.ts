/**
 * The citizen's forms (contract: packages/contracts/src/forms.ts): the Skjema list,
 * opening a form with its draft, saving a draft, submitting once, and the
 * reservation against research. Thin: every rule is in the citizen's scope
 * (CitizenForms), which reaches only this citizen's forms.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerAttachmentProblems, type Clock } from '@innboks/core';
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
import { HttpProblem, problems } from '../http/problem.ts';
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
  'already-submitted': () => new HttpProblem(409, 'Skjemaet er allerede sendt inn', 'Et skjema sendes inn én gang. Kvitteringen ligger under Kvitteringer.'),
  expired: () => new HttpProblem(409, 'Fristen for skjemaet har gått ut', 'Skjemaet kan ikke lenger sendes inn.'),
  cancelled: () => new HttpProblem(409, 'Skjemaet er trukket tilbake', 'Avsenderen har trukket tilbake skjemaet. Det kan ikke sendes inn.'),
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

  routes.get('/api/forms/for-message/:messageId', { ...asCitizen, schema: { params: z.object({ messageId: z.string() }) } }, async (request) => {
    const formId = await citizenScope(request).forms.taskOfMessage(request.params.messageId);
    if (!formId) throw problems.notFound();
    return { formId };
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
    if (found.length > 0) throw problems.badRequest(found);
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
    if (citizen.actsForAnother) throw new HttpProblem(403, 'Kan ikke endre reservasjonen', 'Bare personen selv kan reservere seg mot forskning.', [{ field: 'reserved', message: 'Bare personen selv kan reservere seg mot forskning.' }]);
    await citizen.forms.setReservedAgainstResearch(request.body.reserved, clock.now());
    return { reserved: request.body.reserved };
  });
}
