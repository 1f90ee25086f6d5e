/** Builders for sender API requests in tests. */
import { minimalPdf } from '../demo/minimal-pdf.ts';
import type { DemoSender } from '../demo/demo-data.ts';
import { fhirRequest } from './fhir-client.ts';

export const nationalIdSystem = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const organizationNumberSystem = 'urn:oid:2.16.578.1.12.4.1.4.101';

let counter = 0;

export function communication(sender: DemoSender, nationalId: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    resourceType: 'Communication',
    status: 'completed',
    identifier: [{ system: `urn:test:${sender.clientId}:letters`, value: `letter-${Date.now()}-${counter}` }],
    category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'letter' }] }],
    priority: 'routine',
    subject: { identifier: { system: nationalIdSystem, value: nationalId } },
    sender: { identifier: { system: organizationNumberSystem, value: sender.organizationNumber }, display: 'Kardiologisk poliklinikk' },
    topic: { text: 'Svar på undersøkelse' },
    payload: [
      { contentString: 'Hei! Her er svaret på undersøkelsen din ved hjertepoliklinikken.' },
      { contentAttachment: { contentType: 'application/pdf', title: 'Epikrise', data: Buffer.from(minimalPdf(['Epikrise', 'Alt vel'])).toString('base64') } },
    ],
    ...overrides,
  };
}

export function postLetter(baseUrl: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return fhirRequest(baseUrl, token, 'POST', '/fhir/R4/Communication', body, headers);
}
