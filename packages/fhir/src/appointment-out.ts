/** Turns a stored appointment into the FHIR Appointment the sender reads back. */
import { systems } from './systems.ts';

/** What the mapping needs of a stored appointment (the data layer's StoredAppointment fits). */
export interface AppointmentForSender {
  id: string;
  identifierSystem: string;
  identifierValue: string;
  status: string;
  start: Date;
  end: Date;
  kind: string;
  careArea: string;
  clinic: string | null;
  place: string | null;
  description: string | null;
  patientInstruction: string | null;
  version: number;
  updatedAt: Date;
  citizenNationalId: string;
  organizationNumber: string;
}

export function toAppointment(appointment: AppointmentForSender) {
  return {
    resourceType: 'Appointment' as const,
    id: appointment.id,
    meta: { versionId: String(appointment.version), lastUpdated: appointment.updatedAt.toISOString() },
    identifier: [{ system: appointment.identifierSystem, value: appointment.identifierValue }],
    status: appointment.status,
    serviceCategory: [{ coding: [{ system: systems.careArea, code: appointment.careArea }] }],
    appointmentType: { coding: [{ system: systems.appointmentKind, code: appointment.kind }] },
    ...(appointment.description ? { description: appointment.description } : {}),
    start: appointment.start.toISOString(),
    end: appointment.end.toISOString(),
    ...(appointment.patientInstruction ? { patientInstruction: appointment.patientInstruction } : {}),
    participant: [
      {
        actor: { type: 'Patient', identifier: { system: nationalIdSystemOf(appointment.citizenNationalId), value: appointment.citizenNationalId } },
        status: 'accepted',
      },
      {
        actor: {
          type: 'Organization',
          identifier: { system: systems.organizationNumber, value: appointment.organizationNumber },
          ...(appointment.clinic ? { display: appointment.clinic } : {}),
        },
        status: 'accepted',
      },
      ...(appointment.place ? [{ actor: { type: 'Location', display: appointment.place }, status: 'accepted' }] : []),
    ],
  };
}

export function nationalIdSystemOf(nationalId: string): string {
  return Number(nationalId.slice(0, 1)) >= 4 ? systems.dNumber : systems.nationalId;
}
