/** The body rules of FHIR's update (PUT <type>/<id>) and conditional update, shared by the resources that have them. */
import { FhirError } from '../http/fhir-error.ts';

type Identifier = { system: string; value: string };

/** A body without an identifier takes the one given (the URL's, or the stored one), as update allows. */
export function withIdentifier(body: unknown, identifier: Identifier): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'identifier' in body) return body;
  return { ...body, identifier: [identifier] };
}

/**
 * PUT <type>/<id>: the body's `id` must be the URL's (FHIR: 400 otherwise), and the
 * sender's identifier, by which the resource is kept, cannot change.
 */
export function bodyForUpdateById(body: unknown, resourceType: string, id: string, stored: Identifier): unknown {
  const given = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (given && given.id !== id) throw FhirError.of(400, 'value', `The body's id must be the one in the URL (${id})`, `${resourceType}.id`);
  const withStored = withIdentifier(body, stored) as { identifier?: unknown };
  const identifiers = Array.isArray(withStored?.identifier) ? (withStored.identifier as Partial<Identifier>[]) : [];
  if (identifiers.length === 1 && (identifiers[0]?.system !== stored.system || identifiers[0]?.value !== stored.value)) {
    throw FhirError.of(400, 'value', `The identifier cannot change: it is ${stored.system}|${stored.value}`, `${resourceType}.identifier[0]`);
  }
  return withStored;
}
