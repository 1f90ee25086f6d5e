/**
 * The sender API speaks FHIR R4 (4.0) JSON only. A request that accepts nothing else
 * — `_format=xml`, `Accept: application/fhir+xml`, or a `fhirVersion` other than 4.0
 * in `Accept` — answers 406 instead of JSON it did not ask for. Binary answers the
 * attachment's own type and is left out.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FhirError } from '../http/fhir-error.ts';
import { fhirBase } from './fhir-reply.ts';

const jsonTypes = new Set(['application/fhir+json', 'application/json', 'application/json+fhir', '*/*', 'application/*']);
const jsonFormats = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);

interface MediaRange {
  type: string;
  parameters: Map<string, string>;
}

function mediaRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      const pairs = parameters.map((parameter) => {
        const [name = '', value = ''] = parameter.split('=').map((piece) => piece.trim());
        return [name.toLowerCase(), value.replace(/^"|"$/g, '')] as const;
      });
      return { type: type.toLowerCase(), parameters: new Map(pairs) };
    })
    .filter((range) => range.type !== '');
}

/** Whether a media range admits FHIR R4 JSON: a JSON type, not refused with q=0, and no other FHIR version. */
function admitsR4Json(range: MediaRange): boolean {
  const quality = range.parameters.get('q');
  const version = range.parameters.get('fhirversion');
  return jsonTypes.has(range.type) && (quality === undefined || Number(quality) > 0) && (version === undefined || /^4\.0(\.\d+)?$/.test(version));
}

export function assertAcceptsR4Json(request: FastifyRequest): void {
  const format = (request.query as Record<string, unknown> | undefined)?._format;
  if (format !== undefined) {
    const [formatType] = mediaRanges(String(format));
    if (!formatType || !jsonFormats.has(formatType.type) || !admitsR4Json({ ...formatType, type: 'application/json' })) {
      throw FhirError.of(406, 'not-supported', `_format=${String(format)} is not served: this server answers FHIR R4 JSON only (application/fhir+json)`, '_format');
    }
    return;
  }
  const accept = request.headers.accept;
  if (!accept) return;
  const ranges = mediaRanges(Array.isArray(accept) ? accept.join(',') : accept);
  if (ranges.length > 0 && !ranges.some(admitsR4Json)) {
    throw FhirError.of(406, 'not-supported', `Accept: ${String(accept)} is not served: this server answers FHIR R4 (fhirVersion 4.0) JSON only (application/fhir+json)`, 'Accept');
  }
}

export function registerFhirContentNegotiation(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(`${fhirBase}/`) || request.url.startsWith(`${fhirBase}/Binary/`)) return;
    assertAcceptsR4Json(request);
  });
}
