/** Builders for municipal tests: demo people, services, enrolments by FHIR, log counts. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@innboks/db';
import { demoCitizens, demoSenders, demoStaff } from '../demo/demo-data.ts';
import { demoEpisodeOfCareSystem } from '../demo/seed-municipal.ts';
import { nationalIdSystem, organizationNumberSystem } from './letters.ts';
import { fhirRequest } from './fhir-client.ts';

export const lars = demoCitizens.find((citizen) => citizen.name === 'Lars Kommunesen')!;
export const marit = demoCitizens.find((citizen) => citizen.name === 'Marit Naboen')!;
export const siri = demoCitizens.find((citizen) => citizen.name === 'Siri Utenfor')!;
export const hanne = demoStaff.find((staff) => staff.username === 'hanne.hjemmesykepleie')!;
export const fredrik = demoStaff.find((staff) => staff.username === 'fredrik.fysio')!;
export const lise = demoStaff.find((staff) => staff.username === 'lise.lier')!;
export const drammen = demoSenders.find((sender) => sender.clientId === 'drammen-helse-omsorg')!;
export const lier = demoSenders.find((sender) => sender.clientId === 'lier-helse-omsorg')!;

/** The id of a municipal service by its organisation and code. */
export async function serviceId(db: Kysely<Database>, clientId: string, code: string): Promise<string> {
  const orgNumber = demoSenders.find((sender) => sender.clientId === clientId)!.organizationNumber;
  const row = await db
    .selectFrom('municipal_service')
    .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
    .select('municipal_service.id')
    .where('organization.org_number', '=', orgNumber)
    .where('municipal_service.code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The demo seed's EpisodeOfCare for a citizen and service, with another status. */
export function demoEpisodeOfCare(clientId: string, code: string, nationalId: string, status: string) {
  const orgNumber = demoSenders.find((sender) => sender.clientId === clientId)!.organizationNumber;
  const identifier = { system: demoEpisodeOfCareSystem, value: `${clientId}-${code}-${nationalId}` };
  return {
    query: `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`,
    body: {
      resourceType: 'EpisodeOfCare',
      identifier: [identifier],
      status,
      type: [{ coding: [{ system: 'urn:innboks:code:municipal-service', code }] }],
      patient: { identifier: { system: nationalIdSystem, value: nationalId } },
      managingOrganization: { identifier: { system: organizationNumberSystem, value: orgNumber } },
      period: { start: '2025-01-01T00:00:00Z' },
    },
  };
}

export function putEpisodeOfCare(baseUrl: string, token: string, query: string, body: unknown, headers: Record<string, string> = {}) {
  return fhirRequest(baseUrl, token || undefined, 'PUT', `/fhir/R4/EpisodeOfCare?${query}`, body, headers);
}

export async function accessLogCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A fingerprint of everything a request could write (sessions and identity-provider state left out). */
export async function dataFingerprint(db: Kysely<Database>): Promise<string> {
  const tables = [
    'citizen',
    'thread',
    'message',
    'attachment',
    'delivery_attempt',
    'delivery_event',
    'job',
    'municipal_thread',
    'municipal_message',
    'service_enrolment',
    'staff_membership',
    'access_log',
    'access_log_head',
    'questionnaire',
    'form_task',
    'form_response',
    'research_reservation',
    'notice_setting',
    'appointment_message',
    'power_of_attorney',
    'representation_log',
    'operator_audit',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const result = await sql<{ h: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t`.execute(db);
    parts.push(`${table}:${result.rows[0]!.h}`);
  }
  return parts.join(',');
}
