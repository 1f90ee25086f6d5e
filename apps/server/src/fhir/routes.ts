/**
 * The sender API (FHIR R4). Thin: authenticate, parse, call the sender's scoped
 * repository, answer. The contract is ../shared/design/SENDER-API.md.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { attachmentExtensions, type AttachmentType, type Clock } from '@innboks/core';
import { asRepeat, type CreateOutcome } from '@innboks/db';
import { capabilityStatement, parseCommunication, systems, toCommunication } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { rawBodyOf } from '../http/raw-body.ts';

export interface FhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
  tokenEndpoint: string;
  /** Wakes the in-process worker so a letter moves on without waiting for a poll. */
  onLetterSaved?: () => void;
}

const fhirJson = 'application/fhir+json; charset=utf-8';

export async function registerFhirRoutes(app: FastifyInstance, options: FhirRouteOptions): Promise<void> {
  const { guards, clock, publicUrl } = options;
  const asSender = { preHandler: guards.sender };
  const base = '/fhir/R4';

  app.get(`${base}/metadata`, async (_request, reply) => {
    return send(reply, 200, capabilityStatement(publicUrl, options.tokenEndpoint, clock.now()));
  });

  app.post(`${base}/Communication`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const sender = scope.letters;
    const parsed = parseCommunication(request.body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    const letter = parsed.letter;
    if (!scope.isOwnOrganization(letter.organizationNumber)) throw fhirErrors.forbiddenOrganization();
    if (letter.about?.kind === 'contained' && !scope.isOwnOrganization(letter.about.appointment.organizationNumber)) {
      throw FhirError.of(403, 'forbidden', 'The contained Appointment must be with your own organisation', 'Communication.contained');
    }

    const condition = parseIfNoneExist(request.headers['if-none-exist']);
    if (condition) {
      const existing = await sender.findByIdentifier(condition.system, condition.value);
      if (existing) return answerCreated(reply, asRepeat(existing, letter));
    }
    const idempotency = idempotencyRequest(request.headers['idempotency-key'], rawBodyOf(request));
    const result = await sender.createLetter(letter, clock.now(), idempotency, (stored) => ({
      statusCode: 201,
      location: locationOf(stored.message.id),
      body: toCommunication(stored, publicUrl),
    }));
    return answerCreated(reply, result);
  });

  const answerCreated = (reply: FastifyReply, result: CreateOutcome) => {
    switch (result.outcome) {
      case 'created':
        options.onLetterSaved?.();
        return send(reply, 201, toCommunication(result.letter, publicUrl), locationOf(result.letter.message.id));
      case 'existing':
        return send(reply, 200, toCommunication(result.letter, publicUrl), locationOf(result.letter.message.id));
      case 'identifier-of-other-citizen':
        throw fhirErrors.identifierOfOtherCitizen('Communication.identifier');
      case 'replay':
        return send(reply, result.statusCode, result.response, result.location ?? undefined);
      case 'idempotency-conflict':
        throw FhirError.of(422, 'business-rule', 'This Idempotency-Key was used before with another body');
      case 'in-response-to-not-found':
        throw FhirError.of(422, 'not-found', 'inResponseTo names no message of yours to this citizen', 'Communication.inResponseTo[0].reference');
      case 'about-rejected':
        throw result.problem === 'not-found'
          ? FhirError.of(422, 'not-found', 'about names no Appointment of yours', 'Communication.about[0]')
          : FhirError.of(422, 'business-rule', "about names an Appointment of another citizen than the Communication's subject", 'Communication.about[0]');
    }
  };

  app.get<{ Params: { id: string } }>(`${base}/Communication/:id`, asSender, async (request, reply) => {
    const sender = senderScope(request).letters;
    const letter = await sender.getLetter(request.params.id);
    if (!letter) throw fhirErrors.notFound('Communication');
    return send(reply, 200, toCommunication(letter, publicUrl));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${base}/Communication`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const sender = scope.letters;
    const query = request.query;
    const recipient = query.recipient;
    if (!recipient) throw FhirError.of(400, 'required', 'recipient (your organisation) is required', 'recipient');
    const named = organizationNamedBy(recipient);
    if (!named || !scope.isOwnOrganization(named)) throw FhirError.of(403, 'forbidden', 'You may search only messages to your own organisation', 'recipient');
    const after = parseLastUpdated(query._lastUpdated);
    const count = parseCount(query._count);
    const page = await sender.messagesFromCitizens(after, count);
    const selfUrl = `${publicUrl}${request.url}`;
    const last = page.items.at(-1);
    const nextUrl = page.hasMore && last ? nextLink(publicUrl, recipient, last.message.updated_at, count) : undefined;
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      link: [{ relation: 'self', url: selfUrl }, ...(nextUrl ? [{ relation: 'next', url: nextUrl }] : [])],
      entry: page.items.map((item) => ({
        fullUrl: `${publicUrl}${base}/Communication/${item.message.id}`,
        resource: toCommunication(item, publicUrl),
        search: { mode: 'match' },
      })),
    });
  });

  app.get<{ Params: { id: string } }>(`${base}/Binary/:id`, asSender, async (request, reply) => {
    const sender = senderScope(request).letters;
    const attachment = await sender.getAttachment(request.params.id);
    if (!attachment) throw fhirErrors.notFound('Binary');
    return reply
      .code(200)
      .header('content-type', attachment.content_type)
      .header('content-disposition', contentDisposition('attachment', attachment.title, attachment.content_type))
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(attachment.data));
  });
}

export function send(reply: FastifyReply, status: number, body: unknown, location?: string) {
  if (location) reply.header('location', location);
  return reply.code(status).header('content-type', fhirJson).send(JSON.stringify(body));
}

function locationOf(id: string): string {
  return `/fhir/R4/Communication/${id}`;
}

export function parseIfNoneExist(header: string | string[] | undefined): { system: string; value: string } | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header[0] ?? '' : header;
  const match = /^identifier=([^|&]+)\|([^&]+)$/.exec(text.trim());
  if (!match) throw FhirError.of(400, 'not-supported', 'If-None-Exist supports only identifier=<system>|<value>', 'If-None-Exist');
  return { system: decodeURIComponent(match[1]!), value: decodeURIComponent(match[2]!) };
}

function idempotencyRequest(header: string | string[] | undefined, rawBody: string) {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] ?? '' : header;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw FhirError.of(400, 'value', 'Idempotency-Key must be 1–255 visible ASCII characters', 'Idempotency-Key');
  }
  return { key, requestHash: createHash('sha256').update(rawBody).digest('hex') };
}

function parseLastUpdated(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const match = /^gt(.+)$/.exec(value);
  const at = match ? new Date(match[1]!) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw FhirError.of(400, 'value', '_lastUpdated takes gt<instant>', '_lastUpdated');
  return at;
}

function parseCount(value: string | undefined): number {
  if (value === undefined) return 50;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 200) throw FhirError.of(400, 'value', '_count must be 1–200', '_count');
  return count;
}

/** The organisation a search's `recipient` names: `<organisation number system>|<number>` or `Organization/<id>`. */
function organizationNamedBy(recipient: string): string | { id: string } | undefined {
  const byNumber = `${systems.organizationNumber}|`;
  if (recipient.startsWith(byNumber)) return recipient.slice(byNumber.length);
  if (recipient.startsWith('Organization/')) return { id: recipient.slice('Organization/'.length) };
  return undefined;
}

function nextLink(publicUrl: string, recipient: string, after: Date, count: number): string {
  const params = new URLSearchParams({ recipient, _lastUpdated: `gt${after.toISOString()}`, _count: String(count) });
  return `${publicUrl}/fhir/R4/Communication?${params.toString()}`;
}

/**
 * RFC 6266 with an ASCII fallback and the UTF-8 name, so Norwegian letters survive.
 * The name ends in the extension of the type read from the bytes, whatever the
 * sender's title ends in: a title "svar.html" saves as "svar.html.pdf", never as a web page.
 */
export function contentDisposition(kind: 'inline' | 'attachment', title: string, contentType: string): string {
  const extension = attachmentExtensions[contentType as AttachmentType] ?? '.bin';
  const name = title.toLowerCase().endsWith(extension) ? title : `${title}${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
