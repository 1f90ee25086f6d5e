/**
 * The sender API (FHIR R4). Thin: authenticate, parse, call the sender's scoped
 * repository, answer. The contract is ../shared/design/SENDER-API.md.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachmentExtensions, type AttachmentType, type Clock } from '@innboks/core';
import { asRepeat, type CreateOutcome } from '@innboks/db';
import { capabilityStatement, parseCommunication, systems, toCommunication, type LetterForSender } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { rawBodyOf } from '../http/raw-body.ts';
import { fhirBase, sendBundle, sendFhir, versionLocation } from './fhir-reply.ts';
import { registerFhirContentNegotiation } from './content-negotiation.ts';
import { parseIdentifierParam, searchParameters } from './search-parameters.ts';

export interface FhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
  tokenEndpoint: string;
  /** A new letter was saved: wakes the in-process worker so it moves on without waiting for a poll, and counts it. */
  onLetterSaved?: (saved: SavedLetter) => void;
}

/** Which door a saved letter came in by (`fhir`; the Dialogmelding door says its own) and its sender organisation's kind. */
export interface SavedLetter {
  door: string;
  senderKind: string;
}

export async function registerFhirRoutes(app: FastifyInstance, options: FhirRouteOptions): Promise<void> {
  const { guards, clock, publicUrl } = options;
  const asSender = { preHandler: guards.sender };
  const base = fhirBase;
  registerFhirContentNegotiation(app);

  app.get(`${base}/metadata`, async (request, reply) => {
    return sendFhir(request, reply, 200, capabilityStatement(publicUrl, options.tokenEndpoint, clock.now()));
  });

  // The contract's Location is /fhir/R4/Communication/<id>; the version's own URL goes in Content-Location.
  const sendLetter = (request: FastifyRequest, reply: FastifyReply, status: number, stored: LetterForSender) => {
    const communication = toCommunication(stored, publicUrl);
    reply.header('content-location', versionLocation(communication));
    return sendFhir(request, reply, status, communication, locationOf(stored.message.id));
  };

  app.post(`${base}/Communication`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const sender = scope.letters;
    const parsed = parseCommunication(request.body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    const letter = parsed.letter;
    if (!scope.isOwnOrganization(letter.organizationNumber)) throw fhirErrors.forbiddenOrganization();
    if (await scope.forms.refusedByReservation(letter.citizenNationalId)) throw fhirErrors.reservedAgainstResearch();
    if (letter.about?.kind === 'contained' && !scope.isOwnOrganization(letter.about.appointment.organizationNumber)) {
      throw FhirError.of(403, 'forbidden', 'The contained Appointment must be with your own organisation', 'Communication.contained');
    }

    const condition = parseIfNoneExist(request.headers['if-none-exist']);
    if (condition) {
      const existing = await sender.findByIdentifier(condition.system, condition.value);
      if (existing) return answerCreated(request, reply, asRepeat(existing, letter));
    }
    const idempotency = idempotencyRequest(request.headers['idempotency-key'], rawBodyOf(request));
    const result = await sender.createLetter(letter, clock.now(), idempotency, (stored) => ({
      statusCode: 201,
      location: locationOf(stored.message.id),
      body: toCommunication(stored, publicUrl),
    }));
    if (result.outcome === 'created') options.onLetterSaved?.({ door: 'fhir', senderKind: scope.organization.kind });
    return answerCreated(request, reply, result);
  });

  const answerCreated = (request: FastifyRequest, reply: FastifyReply, result: CreateOutcome) => {
    switch (result.outcome) {
      case 'created':
        return sendLetter(request, reply, 201, result.letter);
      case 'existing':
        return sendLetter(request, reply, 200, result.letter);
      case 'identifier-of-other-citizen':
        throw fhirErrors.identifierOfOtherCitizen('Communication.identifier');
      case 'replay':
        return sendFhir(request, reply, result.statusCode, result.response, result.location ?? undefined);
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
    return sendFhir(request, reply, 200, toCommunication(letter, publicUrl));
  });

  // Citizens' messages to the organisation (recipient, paged by _lastUpdated), or a letter by the sender's own identifier.
  app.get(`${base}/Communication`, asSender, async (request, reply) => {
    const scope = senderScope(request);
    const sender = scope.letters;
    const applied = searchParameters(request, ['recipient', 'identifier', '_lastUpdated', '_count']);
    const { recipient } = applied;
    if (!recipient && !applied.identifier) {
      throw FhirError.of(400, 'required', 'recipient (your organisation) or identifier (your id of a letter) is required', 'recipient');
    }
    if (recipient) {
      const named = organizationNamedBy(recipient);
      if (!named || !scope.isOwnOrganization(named)) throw FhirError.of(403, 'forbidden', 'You may search only messages to your own organisation', 'recipient');
    }
    const after = parseLastUpdated(applied._lastUpdated);
    const count = parseCount(applied._count);
    const bundle = { publicUrl, resourceType: 'Communication', applied };
    const identifier = parseIdentifierParam(applied.identifier);
    if (identifier) {
      const letter = await sender.findByIdentifier(identifier.system, identifier.value);
      const matches = letter && (!recipient || letter.message.direction === 'from-citizen') && (!after || letter.message.updated_at > after) ? [letter] : [];
      return sendBundle(request, reply, { ...bundle, resources: matches.map((match) => toCommunication(match, publicUrl)), total: matches.length });
    }
    const page = await sender.messagesFromCitizens(after, count);
    const last = page.items.at(-1);
    const next = page.hasMore && last && recipient ? { recipient, _lastUpdated: `gt${last.message.updated_at.toISOString()}`, _count: String(count) } : undefined;
    return sendBundle(request, reply, { ...bundle, resources: page.items.map((item) => toCommunication(item, publicUrl)), ...(next ? { next } : {}) });
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

function locationOf(id: string): string {
  return `${fhirBase}/Communication/${id}`;
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

export function parseLastUpdated(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const match = /^gt(.+)$/.exec(value);
  const at = match ? new Date(match[1]!) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw FhirError.of(400, 'value', '_lastUpdated takes gt<instant>', '_lastUpdated');
  return at;
}

export function parseCount(value: string | undefined): number {
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
