/** GET /fhir/R4/metadata: exactly what this server supports. */
import { allowedAttachmentTypes, attachmentLimits } from '@innboks/core';
import { municipalCapabilityResources } from './episode-of-care.ts';
import { appointmentCapability } from './appointment-capability.ts';

export function capabilityStatement(baseUrl: string, tokenEndpoint: string, now: Date) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString(),
    kind: 'instance',
    software: { name: 'Innboks' },
    implementation: { description: 'Innboks sender API', url: `${baseUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Attachments: ${allowedAttachmentTypes.join(', ')}; the type is read from the bytes and must match contentType; ` +
          `at most ${attachmentLimits.maxAttachments} per letter, ${attachmentLimits.maxBytesPerAttachment} bytes each, ` +
          `${attachmentLimits.maxTotalBytes} bytes together. Idempotency-Key header supported on create. ` +
          'FHIR R4 JSON only: _format or Accept asking for anything else (XML, another fhirVersion) answers 406. ' +
          'Every resource carries meta.versionId, sent as ETag W/"<versionId>" with Last-Modified; updates honour If-Match (412 when stale). ' +
          'Prefer: return=minimal on create and update answers the headers alone. Searches ignore unknown parameters and leave them ' +
          'out of the self link; with Prefer: handling=strict they answer 400 naming them.',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth' }] }],
          description: 'OAuth 2.0 client credentials with private_key_jwt (RFC 7523); bearer JWT access token.',
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: tokenEndpoint }],
            },
          ],
        },
        resource: [
          {
            type: 'Communication',
            interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }],
            versioning: 'versioned',
            conditionalCreate: true,
            searchParam: [
              { name: 'recipient', type: 'reference', documentation: 'Your organisation: identifier system|value or Organization reference' },
              { name: 'identifier', type: 'token', documentation: '<system>|<value>: your own letter by your id for it (with recipient: only a citizen\'s message)' },
              { name: '_lastUpdated', type: 'date', documentation: 'gt<instant>: only newer than this' },
              { name: '_count', type: 'number' },
            ],
          },
          { type: 'Binary', interaction: [{ code: 'read' }], documentation: 'Attachments of your own letters' },
          ...municipalCapabilityResources,
          appointmentCapability,
        ],
      },
    ],
  };
}
