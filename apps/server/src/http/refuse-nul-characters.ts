/**
 * PostgreSQL cannot store the NUL character (U+0000) in text: a value holding one
 * fails the statement and would answer 500. One hook refuses it in every input of
 * every route — body, query, path parameters and the headers we decode — before any
 * handler runs, and answers 400 naming the field (an OperationOutcome with its
 * expression on the sender API, problem details with `errors[].field` elsewhere).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FhirError } from './fhir-error.ts';
import { problems } from './problem.ts';

/** Headers whose values a route percent-decodes (If-None-Exist: identifier=<system>|<value>). */
const decodedHeaders = { 'if-none-exist': 'If-None-Exist' } as const;

export function registerNulCharacterRefusal(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = firstFieldWithNul(request);
    if (field === undefined) return;
    if (request.url.startsWith('/fhir/')) {
      throw FhirError.of(400, 'value', 'Text must not contain the NUL character (U+0000)', field.fhir);
    }
    throw problems.badRequest([{ field: field.web, says: 'nulCharacter' }]);
  });
}

interface FieldNames {
  /** FHIRPath-like: `Communication.payload[0].contentString`, or the parameter / header name. */
  fhir: string;
  /** As web problem details name fields: `text`, `q`. */
  web: string;
}

function firstFieldWithNul(request: FastifyRequest): FieldNames | undefined {
  const resourceType = fhirResourceType(request);
  const inBody = pathToNul(request.body);
  if (inBody) return { fhir: [resourceType, ...inBody].join('.').replace(/\.\[/g, '['), web: inBody.join('.').replace(/\.\[/g, '[') || 'body' };
  for (const source of [request.query, request.params]) {
    const inParameters = pathToNul(source);
    if (inParameters) {
      const name = inParameters.join('.').replace(/\.\[/g, '[');
      return { fhir: name, web: name };
    }
  }
  for (const [header, name] of Object.entries(decodedHeaders)) {
    const value = request.headers[header];
    if (typeof value === 'string' && hasNul(safeDecode(value))) return { fhir: name, web: name };
  }
  return undefined;
}

/** The path (`['payload', '[1]', 'contentString']`) to the first string holding NUL, keys included. */
function pathToNul(value: unknown): string[] | undefined {
  if (typeof value === 'string') return hasNul(value) ? [] : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const inner = pathToNul(item);
      if (inner) return [`[${index}]`, ...inner];
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasNul(key)) return [key.replaceAll(nulCharacter, '\\u0000')];
      const inner = pathToNul(item);
      if (inner) return [key, ...inner];
    }
  }
  return undefined;
}

function fhirResourceType(request: FastifyRequest): string {
  const body = request.body as { resourceType?: unknown } | undefined;
  if (typeof body?.resourceType === 'string' && !hasNul(body.resourceType)) return body.resourceType;
  return /^\/fhir\/R4\/([A-Za-z]+)/.exec(request.url)?.[1] ?? 'Resource';
}

const nulCharacter = '\u0000';
const hasNul = (text: string) => text.includes(nulCharacter);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
