/**
 * A search's parameters as FHIR has them: the ones a search knows are applied; an
 * unknown one is ignored (and left out of the `self` link, which shows only what was
 * applied), or with `Prefer: handling=strict` refused with 400 naming it.
 * `_format` is content negotiation (content-negotiation.ts), not a search parameter.
 */
import type { FastifyRequest } from 'fastify';
import { errorIssue } from '@innboks/fhir';
import { FhirError } from '../http/fhir-error.ts';
import { preferences } from './fhir-reply.ts';

const notSearchParameters = new Set(['_format']);

export function searchParameters<Known extends string>(request: FastifyRequest, known: readonly Known[]): Partial<Record<Known, string>> {
  const query = request.query as Record<string, string | string[] | undefined>;
  const applied: Partial<Record<Known, string>> = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (notSearchParameters.has(name) || value === undefined) continue;
    if (!(known as readonly string[]).includes(name)) {
      unknown.push(name);
      continue;
    }
    if (Array.isArray(value)) throw FhirError.of(400, 'not-supported', `${name} may be given once`, name);
    applied[name as Known] = value;
  }
  if (unknown.length > 0 && preferences(request).get('handling') === 'strict') {
    throw new FhirError(400, unknown.map((name) => errorIssue('not-supported', `Unknown search parameter ${name}; this search knows ${known.join(', ')}`, name)));
  }
  return applied;
}

/** `identifier=<system>|<value>`; undefined when absent, 400 when malformed. */
export function parseIdentifierParam(value: string | undefined): { system: string; value: string } | undefined {
  if (value === undefined) return undefined;
  const separator = value.indexOf('|');
  if (separator <= 0 || separator === value.length - 1) {
    throw FhirError.of(400, 'value', 'identifier takes <system>|<value>', 'identifier');
  }
  return { system: value.slice(0, separator), value: value.slice(separator + 1) };
}

/** The `identifier` a route cannot do without: 400 `required`, with the route's own words, when it is missing. */
export function requireIdentifierParam(value: string | undefined, diagnostics: string): { system: string; value: string } {
  const identifier = parseIdentifierParam(value);
  if (!identifier) throw FhirError.of(400, 'required', diagnostics, 'identifier');
  return identifier;
}
