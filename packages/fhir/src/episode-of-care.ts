/**
 * EpisodeOfCare: how a municipality's system tells the inbox that a citizen receives
 * one of its services (an enrolment). Only `active` lets the citizen message the
 * service; any other status ends that at once (the history stays readable).
 *
 *   PUT /fhir/R4/EpisodeOfCare?identifier=<system>|<value>   (conditional update: create or replace)
 *   GET /fhir/R4/EpisodeOfCare/<id>
 *
 * The service is named by `type[0].coding` with system `urn:innboks:code:municipal-service`
 * and the service's code (GET /fhir/R4/HealthcareService lists them).
 */
import { isValidNationalId, isValidOrganizationNumber } from '@innboks/core';
import { errorIssue, type OutcomeIssue } from './operation-outcome.ts';
import { systems } from './systems.ts';
import { isObject, type Json } from './reading.ts';

export const municipalServiceSystem = 'urn:innboks:code:municipal-service';
export const digitalContactExtension = 'urn:innboks:extension:digital-contact';

export const episodeOfCareStatuses = ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error'] as const;
export type EpisodeOfCareStatus = (typeof episodeOfCareStatuses)[number];

export interface IncomingEnrolment {
  identifier: { system: string; value: string };
  status: EpisodeOfCareStatus;
  serviceCode: string;
  citizenNationalId: string;
  organizationNumber: string;
  periodStart: Date | null;
  periodEnd: Date | null;
}

const isText = (value: unknown, max = 200): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

export function parseEpisodeOfCare(body: unknown): { ok: true; enrolment: IncomingEnrolment } | { ok: false; issues: OutcomeIssue[] } {
  const issues: OutcomeIssue[] = [];
  const fail = (code: Parameters<typeof errorIssue>[0], message: string, expression: string) => issues.push(errorIssue(code, message, expression));
  if (!isObject(body)) return { ok: false, issues: [errorIssue('structure', 'The body must be a JSON object: a FHIR EpisodeOfCare', 'EpisodeOfCare')] };
  if (body.resourceType !== 'EpisodeOfCare') fail('invalid', 'resourceType must be "EpisodeOfCare"', 'EpisodeOfCare.resourceType');

  let identifier: { system: string; value: string } | undefined;
  if (!Array.isArray(body.identifier) || body.identifier.length !== 1 || !isObject(body.identifier[0])) {
    fail('required', 'exactly one identifier (your system\'s id for this enrolment) is required', 'EpisodeOfCare.identifier');
  } else {
    const { system, value } = body.identifier[0];
    if (!isText(system)) fail('required', 'identifier[0].system is required', 'EpisodeOfCare.identifier[0].system');
    else if (!isText(value)) fail('required', 'identifier[0].value is required (1–200 characters)', 'EpisodeOfCare.identifier[0].value');
    else identifier = { system, value };
  }

  let status: EpisodeOfCareStatus | undefined;
  if (!(episodeOfCareStatuses as readonly unknown[]).includes(body.status)) {
    fail('value', `status must be one of ${episodeOfCareStatuses.join(', ')}`, 'EpisodeOfCare.status');
  } else {
    status = body.status as EpisodeOfCareStatus;
  }

  let serviceCode: string | undefined;
  const type = Array.isArray(body.type) ? body.type : undefined;
  const codings = type && type.length === 1 && isObject(type[0]) && Array.isArray(type[0].coding) ? (type[0].coding as unknown[]) : undefined;
  const ours = codings?.filter((coding): coding is Json => isObject(coding) && coding.system === municipalServiceSystem) ?? [];
  if (ours.length !== 1) {
    fail('required', `type must be one CodeableConcept with one coding from ${municipalServiceSystem} (the service)`, 'EpisodeOfCare.type');
  } else if (!isText(ours[0]!.code, 100)) {
    fail('required', 'the service coding needs a code', 'EpisodeOfCare.type[0].coding[0].code');
  } else {
    serviceCode = ours[0]!.code as string;
  }

  let citizenNationalId: string | undefined;
  const patient = isObject(body.patient) && isObject(body.patient.identifier) ? body.patient.identifier : undefined;
  if (!patient) {
    fail('required', 'patient.identifier (the citizen\'s national id or D-number) is required', 'EpisodeOfCare.patient.identifier');
  } else if (patient.system !== systems.nationalId && patient.system !== systems.dNumber) {
    fail('value', `patient.identifier.system must be ${systems.nationalId} or ${systems.dNumber}`, 'EpisodeOfCare.patient.identifier.system');
  } else if (typeof patient.value !== 'string' || !isValidNationalId(patient.value)) {
    fail('value', 'patient.identifier.value is not a valid national id or D-number', 'EpisodeOfCare.patient.identifier.value');
  } else {
    citizenNationalId = patient.value;
  }

  let organizationNumber: string | undefined;
  const organization = isObject(body.managingOrganization) && isObject(body.managingOrganization.identifier) ? body.managingOrganization.identifier : undefined;
  if (!organization) {
    fail('required', 'managingOrganization.identifier (your organisation number) is required', 'EpisodeOfCare.managingOrganization.identifier');
  } else if (organization.system !== systems.organizationNumber || typeof organization.value !== 'string' || !isValidOrganizationNumber(organization.value)) {
    fail('value', `managingOrganization.identifier must be a valid organisation number (${systems.organizationNumber})`, 'EpisodeOfCare.managingOrganization.identifier.value');
  } else {
    organizationNumber = organization.value;
  }

  let periodStart: Date | null = null;
  let periodEnd: Date | null = null;
  if (body.period !== undefined) {
    if (!isObject(body.period)) {
      fail('structure', 'period must be an object with start and/or end', 'EpisodeOfCare.period');
    } else {
      for (const key of ['start', 'end'] as const) {
        const value = body.period[key];
        if (value === undefined) continue;
        const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
        if (!at || Number.isNaN(at.getTime())) fail('value', `period.${key} must be a FHIR dateTime`, `EpisodeOfCare.period.${key}`);
        else if (key === 'start') periodStart = at;
        else periodEnd = at;
      }
      if (periodStart && periodEnd && periodEnd < periodStart) fail('value', 'period.end is before period.start', 'EpisodeOfCare.period.end');
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    enrolment: { identifier: identifier!, status: status!, serviceCode: serviceCode!, citizenNationalId: citizenNationalId!, organizationNumber: organizationNumber!, periodStart, periodEnd },
  };
}

export interface EnrolmentForSender {
  id: string;
  identifier: { system: string; value: string };
  citizenNationalId: string;
  organizationNumber: string;
  serviceCode: string;
  serviceName: string;
  status: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  version: number;
  updatedAt: Date;
}

export function toEpisodeOfCare(enrolment: EnrolmentForSender) {
  const period = {
    ...(enrolment.periodStart ? { start: enrolment.periodStart.toISOString() } : {}),
    ...(enrolment.periodEnd ? { end: enrolment.periodEnd.toISOString() } : {}),
  };
  return {
    resourceType: 'EpisodeOfCare' as const,
    id: enrolment.id,
    meta: { versionId: String(enrolment.version), lastUpdated: enrolment.updatedAt.toISOString() },
    identifier: [enrolment.identifier],
    status: enrolment.status,
    type: [{ coding: [{ system: municipalServiceSystem, code: enrolment.serviceCode, display: enrolment.serviceName }] }],
    patient: { identifier: { system: Number(enrolment.citizenNationalId.slice(0, 1)) >= 4 ? systems.dNumber : systems.nationalId, value: enrolment.citizenNationalId } },
    managingOrganization: { identifier: { system: systems.organizationNumber, value: enrolment.organizationNumber } },
    ...(Object.keys(period).length ? { period } : {}),
  };
}

export function toHealthcareService(service: { id: string; code: string; name: string; digitalContact: boolean; organizationNumber: string }) {
  return {
    resourceType: 'HealthcareService' as const,
    id: service.id,
    identifier: [{ system: municipalServiceSystem, value: service.code }],
    active: true,
    providedBy: { identifier: { system: systems.organizationNumber, value: service.organizationNumber } },
    type: [{ coding: [{ system: municipalServiceSystem, code: service.code, display: service.name }] }],
    name: service.name,
    extension: [{ url: digitalContactExtension, valueBoolean: service.digitalContact }],
  };
}

/** What the CapabilityStatement says about municipal enrolments. */
export const municipalCapabilityResources = [
  {
    type: 'EpisodeOfCare',
    documentation:
      `A citizen receives one of your municipal services. type[0].coding: ${municipalServiceSystem}|<service code>; ` +
      'patient and managingOrganization by identifier. Only status "active" lets the citizen message the service; ' +
      'any other status ends that at once (the conversation history stays readable to the citizen). ' +
      'Create or replace with PUT EpisodeOfCare?identifier=<system>|<value>, or replace one by PUT EpisodeOfCare/<id> ' +
      '(the body\'s id must be the URL\'s; the identifier cannot change); both honour If-Match: W/"<versionId>" (412 when stale).',
    interaction: [{ code: 'update' }, { code: 'read' }, { code: 'search-type' }],
    versioning: 'versioned-update',
    updateCreate: false,
    conditionalUpdate: true,
    searchParam: [{ name: 'identifier', type: 'token', documentation: 'Your id for the enrolment: <system>|<value>' }],
  },
  {
    type: 'HealthcareService',
    documentation: `Your municipal services as Innboks knows them: identifier ${municipalServiceSystem}|<code>, and extension ${digitalContactExtension} (open for digital contact).`,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
  },
];
