/**
 * The staff workspace API (contract: packages/contracts/src/municipal-api.ts). Every
 * route runs behind the staff guard and reaches data only through the staff member's
 * scope (its StaffWorkspace), which checks membership and enrolment on every call and logs
 * every read in the same transaction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '@innboks/core';
import type { StaffThreadSummary } from '@innboks/db';
import {
  staffAnswerSchema,
  staffThreadListQuerySchema,
  staffThreadPatchSchema,
  type StaffServices,
  type StaffThread,
  type StaffThreadList,
  type StaffThreadSummary as StaffThreadSummaryDto,
} from '@innboks/contracts';
import { problems } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { staffScope } from '../access/request-scope.ts';
import { contentDisposition } from '../fhir/routes.ts';

export interface StaffRouteOptions {
  guards: Guards;
  clock: Clock;
}

const idParams = z.object({ id: z.string() });
const base = '/ansatt/api';

export async function registerStaffRoutes(app: FastifyInstance, options: StaffRouteOptions): Promise<void> {
  const { guards, clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const workspaceOf = (request: FastifyRequest) => staffScope(request).workspace;
  const toSummary = (request: FastifyRequest, thread: StaffThreadSummary): StaffThreadSummaryDto => ({
    id: thread.threadId,
    subject: thread.subject,
    citizenName: thread.citizenName,
    status: thread.status,
    awaitingAnswerSince: thread.awaitingAnswerSince?.toISOString() ?? null,
    assignedTo: thread.assignedTo ? { ...thread.assignedTo, isMe: staffScope(request).isMe(thread.assignedTo.id) } : null,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    messageCount: thread.messageCount,
  });

  routes.get(`${base}/services`, { preHandler: guards.staff }, async (request): Promise<StaffServices> => ({ services: await workspaceOf(request).services() }));

  routes.get(
    `${base}/services/:id/threads`,
    { preHandler: guards.staff, schema: { params: idParams, querystring: staffThreadListQuerySchema } },
    async (request): Promise<StaffThreadList> => {
      const threads = await workspaceOf(request).threads(request.params.id, request.query.status, clock.now());
      if (!threads) throw problems.notFound();
      return { threads: threads.map((thread) => toSummary(request, thread)) };
    },
  );

  routes.get(`${base}/threads/:id`, { preHandler: guards.staff, schema: { params: idParams } }, async (request): Promise<StaffThread> => {
    const thread = await workspaceOf(request).openThread(request.params.id, clock.now());
    if (!thread) throw problems.notFound();
    return {
      ...toSummary(request, thread),
      serviceId: thread.serviceId,
      serviceName: thread.serviceName,
      citizen: { name: thread.citizenName, nationalId: thread.citizenNationalId },
      messages: thread.messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        senderName: message.senderName,
        authorName: message.authorName,
        sentBy: message.sentBy,
        sentAt: message.sentAt.toISOString(),
        text: message.textParts,
        expectedAnswerBy: message.expectedAnswerBy,
        attachments: message.attachments.map((attachment) => ({ ...attachment, url: `${base}/attachments/${attachment.id}` })),
      })),
    };
  });

  routes.patch(
    `${base}/threads/:id`,
    { preHandler: guards.staff, schema: { params: idParams, body: staffThreadPatchSchema } },
    async (request): Promise<StaffThreadSummaryDto> => {
      const updated = await workspaceOf(request).update(request.params.id, request.body, clock.now());
      if (!updated) throw problems.notFound();
      return toSummary(request, updated);
    },
  );

  routes.post(
    `${base}/threads/:id/messages`,
    { preHandler: guards.staff, schema: { params: idParams, body: staffAnswerSchema } },
    async (request, reply) => {
      const sent = await workspaceOf(request).answer(request.params.id, request.body.text, clock.now());
      if (!sent) throw problems.notFound();
      return reply.code(201).send({ messageId: sent.messageId });
    },
  );

  routes.get(
    `${base}/attachments/:id`,
    { preHandler: guards.staff, schema: { params: idParams, querystring: z.object({ download: z.enum(['1', 'true']).optional() }) } },
    async (request, reply) => {
      const attachment = await workspaceOf(request).attachment(request.params.id, clock.now());
      if (!attachment) throw problems.notFound();
      return reply
        .header('content-type', attachment.content_type)
        .header('content-disposition', contentDisposition(request.query.download ? 'attachment' : 'inline', attachment.title, attachment.content_type))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(attachment.data));
    },
  );
}
