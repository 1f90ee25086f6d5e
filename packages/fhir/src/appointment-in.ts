/**
 * Reads a FHIR R4 Appointment (PUT/POST /fhir/R4/Appointment, or contained in an
 * appointment letter) into the domain's IncomingAppointment, or into issues that
 * each name the element at fault.
 */
import {
  appointmentKinds,
  appointmentStatuses,
  careAreas,
  isValidNationalId,
  isValidOrganizationNumber,
  type AppointmentKind,
  type AppointmentStatus,
  type CareArea,
  type IncomingAppointment,
} from '@innboks/core';
import { errorIssue, type OutcomeIssue } from './operation-outcome.ts';
import { systems } from './systems.ts';
import { readRepresentativeAccess } from './representative-access.ts';
import { isNonEmptyString, isObject, readSingleIdentifier, type Fail, type Json } from './reading.ts';

export type AppointmentParseResult = { ok: true; appointment: IncomingAppointment } | { ok: false; issues: OutcomeIssue[] };

/** FHIR `instant`: a time with seconds and a zone. */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const appointmentTextLimits = { description: 1000, patientInstruction: 2000, display: 200 } as const;

/**
 * @param at where the resource sits, for `expression`: `Appointment`, or
 *   `Communication.contained[0]` for one sent inside a letter.
 */
export function parseAppointment(body: unknown, at = 'Appointment'): AppointmentParseResult {
  const issues: OutcomeIssue[] = [];
  const fail: Fail = (code, message, expression) => issues.push(errorIssue(code, message, expression));
  if (!isObject(body)) {
    return { ok: false, issues: [errorIssue('structure', 'The body must be a JSON object: a FHIR Appointment', at)] };
  }
  if (body.resourceType !== 'Appointment') fail('invalid', 'resourceType must be "Appointment"', `${at}.resourceType`);

  const identifier = readSingleIdentifier(body.identifier, `${at}.identifier`, 'your own id for this appointment', fail);
  const status = readStatus(body.status, at, fail);
  const start = readInstant(body.start, `${at}.start`, 'start', fail);
  const end = readInstant(body.end, `${at}.end`, 'end', fail);
  if (start && end && end.getTime() <= start.getTime()) fail('value', 'end must be after start', `${at}.end`);
  const participants = readParticipants(body.participant, at, fail);
  const kind = readCoded<AppointmentKind>(body, ['appointmentType', 'serviceType'], systems.appointmentKind, appointmentKinds, at, fail) ?? 'in-person';
  const careArea = readCoded<CareArea>(body, ['serviceCategory', 'serviceType'], systems.careArea, careAreas, at, fail) ?? 'somatic';
  const description = readText(body.description, `${at}.description`, appointmentTextLimits.description, fail);
  const patientInstruction = readText(body.patientInstruction, `${at}.patientInstruction`, appointmentTextLimits.patientInstruction, fail);
  const representativeAccess = readRepresentativeAccess(body.extension, at, fail);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    appointment: {
      identifier: identifier!,
      citizenNationalId: participants.citizen!,
      organizationNumber: participants.organization!,
      status: status!,
      start: start!,
      end: end!,
      kind,
      careArea,
      clinic: participants.clinic,
      place: participants.place,
      description,
      patientInstruction,
      representativeAccess,
    },
  };
}

function readStatus(status: unknown, at: string, fail: Fail): AppointmentStatus | undefined {
  if (status === undefined) {
    fail('required', 'status is required (booked, cancelled, …)', `${at}.status`);
    return undefined;
  }
  if (!(appointmentStatuses as readonly unknown[]).includes(status)) {
    fail('value', `status must be one of ${appointmentStatuses.join(', ')}`, `${at}.status`);
    return undefined;
  }
  return status as AppointmentStatus;
}

function readInstant(value: unknown, where: string, name: string, fail: Fail): Date | undefined {
  if (value === undefined) {
    fail('required', `${name} is required`, where);
    return undefined;
  }
  const date = typeof value === 'string' && instantPattern.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    fail('value', `${name} must be a FHIR instant with seconds and a time zone, e.g. 2026-03-29T10:00:00+02:00`, where);
    return undefined;
  }
  return date;
}

interface Participants {
  citizen?: string;
  organization?: string;
  clinic?: string;
  place?: string;
}

function readParticipants(participant: unknown, at: string, fail: Fail): Participants {
  const where = `${at}.participant`;
  const found: Participants = {};
  if (!Array.isArray(participant) || participant.length === 0) {
    fail('required', 'participant must name the citizen (by national id) and your organisation (by organisation number)', where);
    return found;
  }
  participant.forEach((entry: unknown, index) => {
    const actorAt = `${where}[${index}].actor`;
    const actor = isObject(entry) ? entry.actor : undefined;
    if (!isObject(actor)) {
      fail('structure', 'each participant needs an actor', actorAt);
      return;
    }
    const identifier = isObject(actor.identifier) ? actor.identifier : undefined;
    const system = identifier?.system;
    const value = identifier?.value;
    if (system === systems.nationalId || system === systems.dNumber) {
      if (found.citizen !== undefined) fail('value', 'only one participant may be the citizen', actorAt);
      else if (typeof value !== 'string' || !isValidNationalId(value)) fail('value', 'not a valid national id or D-number (11 digits, check digits)', `${actorAt}.identifier.value`);
      else found.citizen = value;
      return;
    }
    if (system === systems.organizationNumber) {
      if (found.organization !== undefined) fail('value', 'only one participant may be the organisation', actorAt);
      else if (typeof value !== 'string' || !isValidOrganizationNumber(value)) fail('value', 'must be a valid 9-digit organisation number', `${actorAt}.identifier.value`);
      else {
        found.organization = value;
        const display = readText(actor.display, `${actorAt}.display`, appointmentTextLimits.display, fail);
        if (display) found.clinic = display;
      }
      return;
    }
    const isLocation = actor.type === 'Location' || (typeof actor.reference === 'string' && /^(Location\/|#)/.test(actor.reference));
    if (isLocation) {
      const display = readText(actor.display, `${actorAt}.display`, appointmentTextLimits.display, fail);
      if (display) found.place = display;
      return;
    }
    // Practitioners and other participants are allowed and not shown.
  });
  if (found.citizen === undefined) fail('required', `a participant must be the citizen: actor.identifier with system ${systems.nationalId} or ${systems.dNumber}`, where);
  if (found.organization === undefined) fail('required', `a participant must be your organisation: actor.identifier with system ${systems.organizationNumber}`, where);
  return found;
}

/** One coding of `system`, looked for in the named elements (CodeableConcept or list of them). */
function readCoded<T extends string>(body: Json, elements: string[], system: string, allowed: readonly T[], at: string, fail: Fail): T | undefined {
  const codes: { code: unknown; where: string }[] = [];
  for (const element of elements) {
    const value = body[element];
    const concepts = Array.isArray(value) ? value : value === undefined ? [] : [value];
    concepts.forEach((concept: unknown, conceptIndex) => {
      const conceptAt = Array.isArray(value) ? `${at}.${element}[${conceptIndex}]` : `${at}.${element}`;
      if (!isObject(concept) || !Array.isArray(concept.coding)) return;
      concept.coding.forEach((coding: unknown, codingIndex) => {
        if (isObject(coding) && coding.system === system) codes.push({ code: coding.code, where: `${conceptAt}.coding[${codingIndex}].code` });
      });
    });
  }
  if (codes.length === 0) return undefined;
  const distinct = new Set(codes.map((entry) => entry.code));
  if (distinct.size > 1) {
    fail('value', `give one code from ${system}`, codes[1]!.where);
    return undefined;
  }
  const first = codes[0]!;
  if (!(allowed as readonly unknown[]).includes(first.code)) {
    fail('value', `code from ${system} must be one of ${allowed.join(', ')}`, first.where);
    return undefined;
  }
  return first.code as T;
}

function readText(value: unknown, where: string, max: number, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  if (!isNonEmptyString(value) || value.length > max) {
    fail('value', `must be text of 1–${max} characters`, where);
    return undefined;
  }
  return value.trim();
}
