/**
 * The citizen's side of municipal messaging (contract: packages/contracts/src/municipal-api.ts).
 * Every route runs behind the citizen guard and reaches data only through the
 * citizen's scope (its CitizenMunicipal, which also holds the rules of who may write where).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { firstWorkingDayAfter, type Clock } from '@innboks/core';
import type { MessagingRefusal } from '@innboks/db';
import {
  municipalReplySchema,
  newMunicipalMessageSchema,
  type AccessLog,
  type MunicipalMessageSent,
  type MunicipalOverview,
  type MunicipalThreadInfo,
} from '@innboks/contracts';
import { problem, problems, type FieldMessageKey, type HttpProblem } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';

export interface MunicipalRouteOptions {
  guards: Guards;
  clock: Clock;
}

const idParams = z.object({ id: z.string() });

/** The clear reason a citizen is given when they may not write to a service (words: http/problem-text). */
const refusalMessages: Record<MessagingRefusal, FieldMessageKey> = {
  'not-in-trial': 'municipalNotInTrial',
  'not-received': 'municipalNotReceived',
  'no-digital-contact': 'municipalNoDigitalContact',
};

function refused(reason: MessagingRefusal, field: string): HttpProblem {
  return problem(403, 'municipalMessageRefused', { errors: [{ field, says: refusalMessages[reason] }] });
}

export async function registerMunicipalRoutes(app: FastifyInstance, options: MunicipalRouteOptions): Promise<void> {
  const { guards, clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const municipalOf = (request: FastifyRequest) => citizenScope(request).municipal;

  routes.get('/api/municipal/services', { preHandler: guards.citizen }, async (request): Promise<MunicipalOverview> => {
    const overview = await municipalOf(request).overview();
    return {
      municipality: overview.municipality,
      inTrial: overview.inTrial,
      // Outside the trial nothing is offered: the page explains instead.
      services: overview.inTrial
        ? overview.services.map((service) => ({
            id: service.id,
            name: service.name,
            displayName: service.displayName,
            canMessage: service.digitalContact,
            reason: service.digitalContact ? null : 'no-digital-contact',
          }))
        : [],
      expectedAnswerIfSentNow: firstWorkingDayAfter(clock.now()),
    };
  });

  routes.post(
    '/api/municipal/messages',
    { preHandler: guards.citizen, schema: { body: newMunicipalMessageSchema } },
    async (request, reply): Promise<MunicipalMessageSent> => {
      const now = clock.now();
      const expectedAnswerBy = firstWorkingDayAfter(now);
      const { serviceId, subject, text } = request.body;
      const result = await municipalOf(request).startThread(serviceId, subject, text, now, expectedAnswerBy);
      if (result.outcome === 'refused') throw refused(result.reason, 'serviceId');
      if (result.outcome === 'not-found') throw problems.notFound();
      reply.code(201).header('location', `/api/letters/${result.threadId}`);
      return { threadId: result.threadId, messageId: result.messageId, expectedAnswerBy };
    },
  );

  routes.get('/api/municipal/threads/:id', { preHandler: guards.citizen, schema: { params: idParams } }, async (request): Promise<MunicipalThreadInfo> => {
    const info = await municipalOf(request).threadInfo(request.params.id);
    if (!info) throw problems.notFound();
    return {
      threadId: info.threadId,
      serviceName: info.serviceName,
      status: info.status,
      canReply: info.refusal === undefined,
      reason: info.refusal ?? null,
      expectedAnswerBy: info.expectedAnswerBy,
      expectedAnswerIfSentNow: firstWorkingDayAfter(clock.now()),
    };
  });

  routes.post(
    '/api/municipal/threads/:id/messages',
    { preHandler: guards.citizen, schema: { params: idParams, body: municipalReplySchema } },
    async (request, reply): Promise<MunicipalMessageSent> => {
      const now = clock.now();
      const expectedAnswerBy = firstWorkingDayAfter(now);
      const result = await municipalOf(request).reply(request.params.id, request.body.text, now, expectedAnswerBy);
      if (result.outcome === 'not-found') throw problems.notFound();
      if (result.outcome === 'refused') throw refused(result.reason, 'text');
      if (result.outcome === 'closed') throw problem(409, 'threadClosed');
      reply.code(201);
      return { threadId: result.threadId, messageId: result.messageId, expectedAnswerBy };
    },
  );

  routes.get('/api/municipal/access-log', { preHandler: guards.citizen }, async (request): Promise<AccessLog> => {
    const entries = await municipalOf(request).accessLog();
    return {
      entries: entries.map((entry) => ({
        at: entry.at.toISOString(),
        staffName: entry.staffName,
        serviceName: entry.serviceName,
        object: entry.objectType,
        threadId: entry.threadId,
        subject: entry.subject,
      })),
    };
  });
}
