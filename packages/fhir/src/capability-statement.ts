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
          `${attachmentLimits.maxTotalBytes} bytes together. Idempotency-Key header supported on create.`,
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
            conditionalCreate: true,
            searchParam: [
              { name: 'recipient', type: 'reference', documentation: 'Your organisation: identifier system|value or Organization reference' },
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
