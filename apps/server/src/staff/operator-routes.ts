/**
 * The operator's screen's API (contract: packages/contracts/src/operator-api.ts), in the
 * staff workspace's API so it shares the staff login, cookies and CSRF check. Every route
 * runs behind the operator guard (any other staff member: 404) and reaches data only
 * through the OperatorScope, which records each call in the operator audit log.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { spreadOverHours } from '@innboks/core';
import { communicationStatus } from '@innboks/fhir';
import type { HourCount, LetterSearch, TimelineStep as StoredStep } from '@innboks/db';
import {
  operatorLetterSearchSchema,
  operatorOverviewQuerySchema,
  operatorReplayStoppedSchema,
  type HourSeries,
  type OperatorAuditEntry,
  type OperatorDeadLetter,
  type OperatorFoundLetter,
  type OperatorOverview,
  type OperatorTimeline,
  type TimelineStep,
} from '@innboks/contracts/operator-api';
import { problems } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { operatorScope } from '../access/request-scope.ts';

const base = '/ansatt/api/operator';
const idParams = z.object({ id: z.string().max(100) });
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function registerOperatorRoutes(app: FastifyInstance, { guards }: { guards: Guards }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = guards.operator;

  routes.get(`${base}/overview`, { preHandler, schema: { querystring: operatorOverviewQuerySchema } }, async (request): Promise<OperatorOverview> => {
    const overview = await operatorScope(request).overview(Number(request.query.hours));
    const day = overview.hours.slice(-24);
    return {
      lettersPerHour: series(overview.hours, overview.lettersPerHour),
      noticeHandOffP95: series(day, overview.noticeHandOffP95),
      queueDepth: series(day, overview.queueDepth),
      deadLetters: series(day, overview.deadLetters),
    };
  });

  routes.post(`${base}/letters/search`, { preHandler, schema: { body: operatorLetterSearchSchema } }, async (request): Promise<{ letters: OperatorFoundLetter[] }> => {
    const found = await operatorScope(request).search(searchOf(request.body.query));
    return { letters: found.map((letter) => ({ ...letter, sentAt: letter.sentAt.toISOString() })) };
  });

  routes.get(`${base}/letters/:id/timeline`, { preHandler, schema: { params: idParams } }, async (request): Promise<OperatorTimeline> => {
    const timeline = await operatorScope(request).timeline(request.params.id);
    if (!timeline) throw problems.notFound();
    return {
      letterId: timeline.letterId,
      organizationName: timeline.organizationName,
      organizationNumber: timeline.organizationNumber,
      identifier: timeline.identifier,
      sentAt: timeline.sentAt.toISOString(),
      kind: timeline.kind,
      important: timeline.important,
      citizenReference: timeline.citizenReference,
      status: communicationStatus(timeline.delivery),
      steps: timeline.steps.map(stepOut),
    };
  });

  routes.get(`${base}/dead-letters`, { preHandler }, async (request): Promise<{ deadLetters: OperatorDeadLetter[] }> => ({
    deadLetters: (await operatorScope(request).deadLetters()).map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  }));

  routes.post(`${base}/dead-letters/:id/replay`, { preHandler, schema: { params: idParams } }, async (request) => {
    // Nothing to replay (no such id, or replayed already): 404, and nothing happens twice.
    if (!(await operatorScope(request).replay(request.params.id))) throw problems.notFound();
    return { id: request.params.id, replayed: true as const };
  });

  routes.post(`${base}/dead-letters/replay-stopped`, { preHandler, schema: { body: operatorReplayStoppedSchema } }, async (request) => {
    await operatorScope(request).stopped(request.body.replayed, request.body.left);
    return { recorded: true as const };
  });

  routes.get(`${base}/audit`, { preHandler }, async (request): Promise<{ entries: OperatorAuditEntry[] }> => ({
    entries: (await operatorScope(request).auditLog()).map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  }));
}

function searchOf(query: string): LetterSearch {
  if (uuidPattern.test(query)) return { letterId: query.toLowerCase() };
  const bar = query.indexOf('|');
  if (bar > 0 && bar < query.length - 1 && query.indexOf('|', bar + 1) < 0) return { identifier: { system: query.slice(0, bar).trim(), value: query.slice(bar + 1).trim() } };
  throw problems.badRequest([{ field: 'query', message: 'Skriv en brev-id eller avsenderens identifikator som system|verdi' }]);
}

function series(hours: readonly Date[], rows: readonly HourCount[]): HourSeries {
  return spreadOverHours(hours, rows, (row) => row.series, (row) => row.value).map((point) => ({ hour: point.hour.toISOString(), values: point.values }));
}

function stepOut(step: StoredStep): TimelineStep {
  const at = step.at.toISOString();
  switch (step.step) {
    case 'received':
    case 'read':
      return { at, step: step.step, channel: null, state: null, detail: null };
    case 'planned':
      return { at, step: 'planned', channel: null, state: null, detail: step.channels.join(', ') };
    case 'attempt':
      return { at, step: 'attempt', channel: step.channel, state: step.state, detail: step.detail };
    case 'notice':
      return { at, step: 'notice', channel: step.channel, state: step.state, detail: step.sentAt ? `sent ${step.sentAt.toISOString()}` : null };
    case 'dead-letter':
      return { at, step: 'dead-letter', channel: step.channel, state: step.replayedAt ? 'replayed' : 'open', detail: step.reason };
  }
}
