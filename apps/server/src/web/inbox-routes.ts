/**
 * The citizen web API (contract: packages/contracts/src/web-api.ts). Every route
 * runs behind the citizen guard (the inbox screen: `guards.inboxScreen`, the same
 * check in the same statement as its read) and reaches data only through the
 * citizen's scope, so another citizen's item is "not found", like a missing one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock, InboxCategory } from '@innboks/core';
import { CitizenInbox, type InboxThread } from '@innboks/db';
import { inboxQuerySchema, inboxSearchSchema, letterAnswerSchema, letterPatchSchema, type InboxItem, type Letter, type LetterAnswerSent } from '@innboks/contracts';
import { HttpProblem, problems } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';
import { contentDisposition } from '../fhir/routes.ts';

export interface InboxRouteOptions {
  guards: Guards;
  clock: Clock;
}

const idParams = z.object({ id: z.string() });

const notAnswerableMessage = 'Avsenderen har ikke stilt et spørsmål du kan svare på her. Ta kontakt med avsenderen slik brevet sier.';

/** The inbox screen's fields as both routes have them after validation. */
type InboxPageFields = Omit<z.output<typeof inboxSearchSchema>, 'q'> & { q?: string | undefined };

export async function registerInboxRoutes(app: FastifyInstance, options: InboxRouteOptions): Promise<void> {
  const { guards, clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  // The session and the screen in one statement (`guards.inboxScreen`): 401 without a live
  // session, and the page and counts of that session's citizen only.
  const inboxScreen = async (request: FastifyRequest, reply: FastifyReply, fields: InboxPageFields) => {
    if (fields.cursor && !CitizenInbox.isValidCursor(fields.cursor)) {
      throw problems.badRequest([{ field: 'cursor', says: 'badCursor' }]);
    }
    const pageRequest = { category: fields.category, query: fields.q, archived: fields.archived === 'true', cursor: fields.cursor, limit: fields.limit };
    const page = await guards.inboxScreen(request, reply, pageRequest);
    // An InboxPage; the items come as JSON from the database, written into the answer as they are.
    const body = `{"items":${page.itemsJson},"nextCursor":${JSON.stringify(page.nextCursor)},"unread":${JSON.stringify(page.unread)}}`;
    return reply.type('application/json; charset=utf-8').send(body);
  };

  routes.get('/api/inbox', { schema: { querystring: inboxQuerySchema } }, async (request, reply) => inboxScreen(request, reply, request.query));

  // A search is the same screen with its words in the body, never in a URL (history, proxies,
  // access logs). POST, so it carries the CSRF header like every POST; for a read that costs
  // nothing and keeps one rule for the API.
  routes.post('/api/inbox/search', { schema: { body: inboxSearchSchema } }, async (request, reply) => inboxScreen(request, reply, request.body));

  routes.get('/api/inbox/unread', { preHandler: guards.citizen }, async (request) => citizenScope(request).inbox.unreadCounts());

  routes.get('/api/letters/:id', { preHandler: guards.citizen, schema: { params: idParams } }, async (request): Promise<Letter> => {
    const scope = citizenScope(request);
    const thread = await scope.inbox.open(request.params.id, clock.now());
    if (!thread) throw problems.notFound();
    const first = thread.messages[0];
    return {
      id: thread.id,
      subject: thread.subject,
      senderName: thread.senderName,
      category: thread.category as InboxCategory,
      sentAt: (first?.sentAt ?? thread.createdAt).toISOString(),
      unread: thread.unread,
      archived: thread.archived,
      important: thread.important,
      municipal: thread.municipal,
      answerable: await scope.dialogAnswers.canAnswer(thread.id),
      formId: first ? ((await scope.forms.taskOfMessage(first.id)) ?? null) : null,
      messages: thread.messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        senderName: message.senderName,
        subject: message.subject,
        sentAt: message.sentAt.toISOString(),
        text: message.textParts,
        attachments: message.attachments.map((attachment) => ({ ...attachment, url: `/api/attachments/${attachment.id}` })),
        carried: message.carried ?? null,
      })),
    };
  });

  // An answer to a question that came by Dialogmelding: saved here with the job that sends it back (jobs/send-dialog-answer.ts).
  routes.post(
    '/api/letters/:id/answers',
    { preHandler: guards.citizen, schema: { params: idParams, body: letterAnswerSchema } },
    async (request, reply): Promise<LetterAnswerSent> => {
      const result = await citizenScope(request).dialogAnswers.answer(request.params.id, request.body.text, clock.now());
      if (result.outcome === 'not-found') throw problems.notFound();
      if (result.outcome === 'not-answerable') throw new HttpProblem(409, 'Kan ikke svare her', notAnswerableMessage);
      reply.code(201);
      return { threadId: result.threadId, messageId: result.messageId };
    },
  );

  routes.patch(
    '/api/letters/:id',
    { preHandler: guards.citizen, schema: { params: idParams, body: letterPatchSchema } },
    async (request): Promise<InboxItem> => {
      const updated = await citizenScope(request).inbox.update(request.params.id, request.body);
      if (!updated) throw problems.notFound();
      return toInboxItem(updated);
    },
  );

  routes.get(
    '/api/attachments/:id',
    { preHandler: guards.citizen, schema: { params: idParams, querystring: z.object({ download: z.enum(['1', 'true']).optional() }) } },
    async (request, reply) => {
      const attachment = await citizenScope(request).inbox.attachment(request.params.id);
      if (!attachment) throw problems.notFound();
      const disposition = request.query.download ? 'attachment' : 'inline';
      return reply
        .header('content-type', attachment.content_type)
        .header('content-disposition', contentDisposition(disposition, attachment.title, attachment.content_type))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(attachment.data));
    },
  );
}

function toInboxItem(thread: InboxThread): InboxItem {
  return {
    id: thread.id,
    subject: thread.subject,
    senderName: thread.senderName,
    startedBy: thread.startedBy,
    category: thread.category as InboxCategory,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    unread: thread.unread,
    archived: thread.archived,
    important: thread.important,
    hasAttachments: thread.hasAttachments,
    messageCount: thread.messageCount,
  };
}
