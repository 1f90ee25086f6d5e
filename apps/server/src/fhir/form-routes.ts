/**
 * Forms on the sender API (FHIR R4): publishing Questionnaires, ordering them for a
 * citizen with a Task, reading and cancelling the order, reading the answers.
 * Everything goes through the sender's scope (SenderForms), which reaches only the
 * organisation's own forms, orders and answers: another's id answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identifierReuse, type Clock } from '@innboks/core';
import type { OrderOutcome } from '@innboks/db';
import { parseQuestionnaire, parseTaskOrder, toQuestionnaire, toQuestionnaireResponse, toTask, type FormTaskForSender } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { fhirBase as base, sendBundle, sendFhir, versionLocation } from './fhir-reply.ts';
import { parseCount, parseIfNoneExist, parseLastUpdated } from './routes.ts';
import { parseIdentifierParam, searchParameters } from './search-parameters.ts';

export interface FormFhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
}

export async function registerFormFhirRoutes(app: FastifyInstance, options: FormFhirRouteOptions): Promise<void> {
  const { clock, publicUrl } = options;
  const asSender = { preHandler: options.guards.sender };
  const formsOf = (request: FastifyRequest) => senderScope(request).forms;
  const sendTask = (request: FastifyRequest, reply: FastifyReply, status: number, task: FormTaskForSender) => {
    const resource = toTask(task);
    return sendFhir(request, reply, status, resource, status === 201 ? versionLocation(resource) : undefined);
  };

  // Conditional update by canonical url + version: create (201) or replace (200).
  app.put(`${base}/Questionnaire`, asSender, async (request, reply) => {
    const applied = searchParameters(request, ['url', 'version']);
    if (!applied.url || !applied.version) throw FhirError.of(400, 'required', 'Publish with PUT Questionnaire?url=<canonical>&version=<version>', applied.url ? 'version' : 'url');
    const parsed = parseQuestionnaire(request.body, { url: applied.url, version: applied.version });
    if (!parsed.ok) throw new FhirError(parsed.issues.some((issue) => issue.code === 'not-supported') ? 422 : 400, parsed.issues);
    const { created, stored } = await formsOf(request).publish(parsed.questionnaire, clock.now());
    const resource = toQuestionnaire(stored);
    return sendFhir(request, reply, created ? 201 : 200, resource, versionLocation({ ...resource, resourceType: 'Questionnaire', id: stored.id }));
  });

  app.get<{ Params: { id: string } }>(`${base}/Questionnaire/:id`, asSender, async (request, reply) => {
    const stored = await formsOf(request).questionnaire(request.params.id);
    if (!stored) throw fhirErrors.notFound('Questionnaire');
    return sendFhir(request, reply, 200, toQuestionnaire(stored));
  });

  app.get(`${base}/Questionnaire`, asSender, async (request, reply) => {
    const applied = searchParameters(request, ['url', 'version']);
    if (!applied.url) throw FhirError.of(400, 'required', 'Search Questionnaire by url=<canonical>', 'url');
    const found = await formsOf(request).questionnairesByUrl(applied.url, applied.version);
    const resources = found.map((stored) => ({ ...toQuestionnaire(stored), resourceType: 'Questionnaire', id: stored.id }));
    return sendBundle(request, reply, { publicUrl, resourceType: 'Questionnaire', applied, resources, total: resources.length });
  });

  app.post(`${base}/Task`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const parsed = parseTaskOrder(request.body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    const order = parsed.order;
    if (!scope.isOwnOrganization(order.requesterOrganizationNumber)) {
      throw FhirError.of(403, 'forbidden', 'The requester must be your own organisation', 'Task.requester.identifier.value');
    }
    const condition = parseIfNoneExist(request.headers['if-none-exist']);
    if (condition) {
      const existing = await scope.forms.taskByIdentifier(condition.system, condition.value);
      if (existing && identifierReuse(existing.citizenNationalId, order.citizenNationalId) === 'other-citizen') throw fhirErrors.identifierOfOtherCitizen('Task.identifier');
      if (existing) return sendTask(request, reply, 200, existing);
    }
    return answerOrder(request, reply, await scope.forms.order(order, clock.now()));
  });

  const answerOrder = (request: FastifyRequest, reply: FastifyReply, outcome: OrderOutcome) => {
    switch (outcome.outcome) {
      case 'created':
        return sendTask(request, reply, 201, outcome.task);
      case 'existing':
        return sendTask(request, reply, 200, outcome.task);
      case 'identifier-of-other-citizen':
        throw fhirErrors.identifierOfOtherCitizen('Task.identifier');
      case 'unknown-questionnaire':
        throw FhirError.of(422, 'not-found', 'input[0].valueCanonical names no active Questionnaire of yours', 'Task.input[0].valueCanonical');
      case 'reserved-against-research':
        throw fhirErrors.reservedAgainstResearch();
    }
  };

  app.get<{ Params: { id: string } }>(`${base}/Task/:id`, asSender, async (request, reply) => {
    const task = await formsOf(request).task(request.params.id);
    if (!task) throw fhirErrors.notFound('Task');
    return sendTask(request, reply, 200, task);
  });

  app.get(`${base}/Task`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const applied = searchParameters(request, ['identifier', 'requester', '_lastUpdated', '_count']);
    const identifier = parseIdentifierParam(applied.identifier);
    const bundle = { publicUrl, resourceType: 'Task', applied };
    if (identifier) {
      const task = await scope.forms.taskByIdentifier(identifier.system, identifier.value);
      const resources = task ? [toTask(task)] : [];
      return sendBundle(request, reply, { ...bundle, resources, total: resources.length });
    }
    if (!applied.requester) throw FhirError.of(400, 'required', 'identifier (your id of an order) or requester (your organisation) is required', 'requester');
    if (!scope.isOwnOrganization(requesterNamed(applied.requester))) throw FhirError.of(403, 'forbidden', 'You may search only your own orders', 'requester');
    const count = parseCount(applied._count);
    const page = await scope.forms.tasksChanged(parseLastUpdated(applied._lastUpdated), count);
    const last = page.items.at(-1);
    const next = page.hasMore && last ? { requester: applied.requester, _lastUpdated: `gt${last.updatedAt.toISOString()}`, _count: String(count) } : undefined;
    return sendBundle(request, reply, { ...bundle, resources: page.items.map(toTask), ...(next ? { next } : {}) });
  });

  // The one change a sender makes to an order: cancelling it. A final state stays as it is.
  app.put<{ Params: { id: string } }>(`${base}/Task/:id`, asSender, async (request, reply) => {
    const body = request.body as { resourceType?: unknown; status?: unknown } | undefined;
    if (body?.resourceType !== 'Task') throw FhirError.of(400, 'structure', 'The body must be a FHIR Task', 'Task.resourceType');
    if (body.status !== 'cancelled') throw FhirError.of(422, 'business-rule', 'A sender changes an order only by cancelling it: status cancelled', 'Task.status');
    const outcome = await formsOf(request).cancel(request.params.id, clock.now());
    if (outcome.outcome === 'not-found') throw fhirErrors.notFound('Task');
    if (outcome.outcome === 'final' && outcome.task.status !== 'cancelled') {
      throw FhirError.of(422, 'business-rule', `The order is ${outcome.task.status} and never moves back`, 'Task.status');
    }
    return sendTask(request, reply, 200, outcome.task);
  });

  app.get<{ Params: { id: string } }>(`${base}/QuestionnaireResponse/:id`, asSender, async (request, reply) => {
    const response = await formsOf(request).response(request.params.id);
    if (!response) throw fhirErrors.notFound('QuestionnaireResponse');
    return sendFhir(request, reply, 200, toQuestionnaireResponse(response));
  });

  app.get(`${base}/QuestionnaireResponse`, asSender, async (request, reply) => {
    const forms = formsOf(request);
    const applied = searchParameters(request, ['based-on', 'questionnaire', '_lastUpdated', '_count']);
    const bundle = { publicUrl, resourceType: 'QuestionnaireResponse', applied };
    const basedOn = applied['based-on'];
    if (basedOn !== undefined) {
      const taskId = /^Task\/(.+)$/.exec(basedOn)?.[1];
      if (!taskId) throw FhirError.of(400, 'value', 'based-on takes Task/<id>', 'based-on');
      const resources = (await forms.responseOfTask(taskId)).map(toQuestionnaireResponse);
      return sendBundle(request, reply, { ...bundle, resources, total: resources.length });
    }
    if (!applied.questionnaire) throw FhirError.of(400, 'required', 'based-on=Task/<id> or questionnaire=<url>[|<version>] is required', 'questionnaire');
    const [url, version] = applied.questionnaire.split('|');
    const count = parseCount(applied._count);
    const page = await forms.responsesTo({ url: url!, ...(version ? { version } : {}) }, parseLastUpdated(applied._lastUpdated), count);
    const last = page.items.at(-1);
    const next = page.hasMore && last ? { questionnaire: applied.questionnaire, _lastUpdated: `gt${last.updatedAt.toISOString()}`, _count: String(count) } : undefined;
    return sendBundle(request, reply, { ...bundle, resources: page.items.map(toQuestionnaireResponse), ...(next ? { next } : {}) });
  });
}

/** `requester` as `<organisation number system>|<number>`, `Organization/<id>` or the bare number. */
function requesterNamed(requester: string): string | { id: string } {
  if (requester.startsWith('Organization/')) return { id: requester.slice('Organization/'.length) };
  const separator = requester.lastIndexOf('|');
  return separator >= 0 ? requester.slice(separator + 1) : requester;
}
