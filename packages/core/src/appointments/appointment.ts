/**
 * An appointment in Timeavtaler, as the hospital describes it. Browser-safe: the web
 * app reads these lists through @innboks/contracts.
 */
import type { RepresentativeAccess } from '../representation/representation-rules.ts';

/** FHIR Appointment.status values; `cancelled` and `noshow` end the citizen's chance to reply. */
export const appointmentStatuses = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** How the citizen meets the clinic; video and phone consultations carry no no-show fee. */
export const appointmentKinds = ['in-person', 'video', 'phone'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

/**
 * Which part of specialist care the appointment belongs to; it decides the fee rule.
 * Mental health care (psykisk helsevern) and substance-abuse treatment (TSB) share one.
 */
export const careAreas = ['somatic', 'mental-health', 'substance-abuse'] as const;
export type CareArea = (typeof careAreas)[number];

/** An appointment as a sender hands it over, already checked field by field. */
export interface IncomingAppointment {
  identifier: { system: string; value: string };
  citizenNationalId: string;
  organizationNumber: string;
  status: AppointmentStatus;
  start: Date;
  end: Date;
  kind: AppointmentKind;
  careArea: CareArea;
  /** The clinic or department (the organisation participant's display). */
  clinic: string | undefined;
  /** Where to meet (the location participant's display). */
  place: string | undefined;
  description: string | undefined;
  patientInstruction: string | undefined;
  /** Who of the person's representatives may see it; undefined when the sender gave no code. */
  representativeAccess?: RepresentativeAccess | undefined;
}

/** Statuses under which the appointment is no longer going ahead. */
export function isCancelledStatus(status: string): boolean {
  return status === 'cancelled' || status === 'entered-in-error';
}

/** Longest text a citizen may write in a reply to an appointment. */
export const appointmentReplyTextMaxLength = 4000;
