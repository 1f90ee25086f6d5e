/** The one way tests call the sender API: every FHIR answer read through it is checked for conformance. */
import { readFhirResponse } from './fhir-conformance.ts';

export type FhirBody = Record<string, unknown> & { id: string };

/** `body` is sent as JSON, or as it is when it is already a string (malformed input). */
export async function fhirRequest(baseUrl: string, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, {
    method,
    headers: {
      accept: 'application/fhir+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return readFhirResponse<FhirBody>(response);
}

export function getFhir(baseUrl: string, token: string | undefined, path: string, headers: Record<string, string> = {}) {
  return fhirRequest(baseUrl, token, 'GET', path, undefined, headers);
}
