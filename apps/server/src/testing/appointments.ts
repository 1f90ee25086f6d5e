/** Builders for appointments on the sender API, and the hospital's side of replies, in tests. */
import type { DemoSender } from '../demo/demo-data.ts';
import { nationalIdSystem, organizationNumberSystem } from './letters.ts';
import { fhirRequest } from './fhir-client.ts';

let counter = 0;

export interface AppointmentFields {
  start: string;
  end: string;
  status?: string;
  kind?: 'in-person' | 'video' | 'phone';
  careArea?: 'somatic' | 'mental-health' | 'substance-abuse';
  clinic?: string;
  place?: string;
  description?: string;
}

/** A FHIR Appointment of `sender` with the citizen; a fresh identifier unless one is given. */
export function appointmentResource(sender: DemoSender, nationalId: string, fields: AppointmentFields, identifier?: { system: string; value: string }) {
  counter += 1;
  return {
    resourceType: 'Appointment',
    identifier: [identifier ?? { system: `urn:test:${sender.clientId}:appointments`, value: `appt-${Date.now()}-${counter}` }],
    status: fields.status ?? 'booked',
    serviceCategory: [{ coding: [{ system: 'urn:innboks:code:care-area', code: fields.careArea ?? 'somatic' }] }],
    appointmentType: { coding: [{ system: 'urn:innboks:code:appointment-kind', code: fields.kind ?? 'in-person' }] },
    description: fields.description ?? 'Kontroll etter operasjon',
    start: fields.start,
    end: fields.end,
    participant: [
      { actor: { identifier: { system: nationalIdSystem, value: nationalId } }, status: 'accepted' },
      { actor: { identifier: { system: organizationNumberSystem, value: sender.organizationNumber }, display: fields.clinic ?? 'Ortopedisk poliklinikk' }, status: 'accepted' },
      { actor: { type: 'Location', display: fields.place ?? 'Bygg 7, 2. etasje' }, status: 'accepted' },
    ],
  };
}

/** PUT /fhir/R4/Appointment?identifier=…: create or replace. */
export function putAppointment(baseUrl: string, token: string, appointment: ReturnType<typeof appointmentResource>) {
  const identifier = appointment.identifier[0]!;
  return fhirRequest(baseUrl, token, 'PUT', `/fhir/R4/Appointment?identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`, appointment);
}

export function postAppointment(baseUrl: string, token: string, appointment: unknown, headers: Record<string, string> = {}) {
  return fhirRequest(baseUrl, token, 'POST', '/fhir/R4/Appointment', appointment, headers);
}

export { getFhir } from './fhir-client.ts';

export interface FhirCommunication {
  id: string;
  status: string;
  sender: { identifier: { value: string }; display?: string };
  recipient: { identifier: { value: string } }[];
  topic: { text: string };
  payload: { contentString?: string }[];
  inResponseTo?: { reference: string }[];
  about?: { reference: string; identifier: { system: string; value: string } }[];
  reasonCode?: { coding: { system: string; code: string }[] }[];
  extension: { url: string; valueBoolean?: boolean }[];
}

/** The hospital's poll: citizens' messages to it (all pages). */
export async function messagesFromCitizens(baseUrl: string, token: string, sender: DemoSender): Promise<FhirCommunication[]> {
  const found: FhirCommunication[] = [];
  let url: string | undefined = `/fhir/R4/Communication?recipient=${encodeURIComponent(`${organizationNumberSystem}|${sender.organizationNumber}`)}&_count=200`;
  while (url) {
    const page = await fhirRequest(baseUrl, token, 'GET', url);
    const bundle = page.body as unknown as { entry?: { resource: FhirCommunication }[]; link: { relation: string; url: string }[] };
    found.push(...(bundle.entry ?? []).map((entry) => entry.resource));
    const next = bundle.link.find((link) => link.relation === 'next')?.url;
    url = next ? next.replace(baseUrl, '') : undefined;
  }
  return found;
}

export const lateReplyExtension = 'urn:innboks:extension:late-reply';
export const appointmentReplySystem = 'urn:innboks:code:appointment-reply';
