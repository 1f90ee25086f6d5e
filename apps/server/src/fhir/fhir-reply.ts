/**
 * How every sender API answer is written: FHIR JSON; a resource's version as `ETag`
 * (W/"<versionId>") and its `meta.lastUpdated` as `Last-Modified`; `Prefer:
 * return=minimal` on a create or update answers the headers alone; a search answers a
 * Bundle whose `fullUrl`s are absolute and whose `self` link shows what was applied.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FhirError } from '../http/fhir-error.ts';

export const fhirBase = '/fhir/R4';
const fhirJson = 'application/fhir+json; charset=utf-8';

interface Versioned {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string };
}

/** The `Prefer` header's preferences (RFC 7240), e.g. `return=minimal`, `handling=strict`. */
export function preferences(request: FastifyRequest): Map<string, string> {
  const header = request.headers.prefer;
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const found = new Map<string, string>();
  for (const part of text.split(/[,;]/)) {
    const [name, value] = part.split('=').map((piece) => piece.trim().toLowerCase().replace(/^"|"$/g, ''));
    if (name) found.set(name, value ?? '');
  }
  return found;
}

export function sendFhir(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown, location?: string) {
  const meta = (body as Partial<Versioned> | undefined)?.meta;
  if (meta?.versionId) reply.header('etag', `W/"${meta.versionId}"`);
  if (meta?.lastUpdated) reply.header('last-modified', new Date(meta.lastUpdated).toUTCString());
  if (location) reply.header('location', location);
  const isWrite = request.method === 'POST' || request.method === 'PUT';
  if (isWrite && status < 300 && preferences(request).get('return') === 'minimal') return reply.code(status).send();
  return reply.code(status).header('content-type', fhirJson).send(JSON.stringify(body));
}

/** `Location` of a version: `/fhir/R4/<type>/<id>/_history/<vid>`, as FHIR's create and update answer it. */
export function versionLocation(resource: Versioned): string {
  return `${fhirBase}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}`;
}

/**
 * The version an `If-Match` asks to replace (`W/"3"` or `"3"`); undefined without one.
 * A malformed one is 400 rather than ignored, so a client never overwrites by mistake.
 */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec((Array.isArray(header) ? header[0] ?? '' : header).trim());
  if (!match) throw FhirError.of(400, 'value', 'If-Match takes the ETag of a version: W/"<versionId>"', 'If-Match');
  return Number(match[1]);
}

export function versionConflict(): FhirError {
  return FhirError.of(412, 'conflict', 'If-Match names a version that is not the current one: read it again and retry', 'If-Match');
}

export function sendBundle(
  request: FastifyRequest,
  reply: FastifyReply,
  bundle: { publicUrl: string; resourceType: string; applied: Record<string, string>; resources: Versioned[]; total?: number; next?: Record<string, string> },
) {
  const url = (params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    return `${bundle.publicUrl}${fhirBase}/${bundle.resourceType}${query ? `?${query}` : ''}`;
  };
  return sendFhir(request, reply, 200, {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(bundle.total === undefined ? {} : { total: bundle.total }),
    link: [{ relation: 'self', url: url(bundle.applied) }, ...(bundle.next ? [{ relation: 'next', url: url(bundle.next) }] : [])],
    ...(bundle.resources.length > 0
      ? {
          entry: bundle.resources.map((resource) => ({
            fullUrl: `${bundle.publicUrl}${fhirBase}/${resource.resourceType}/${resource.id}`,
            resource,
            search: { mode: 'match' },
          })),
        }
      : {}),
  });
}
