/**
 * A sender's appointments, scoped to its organisation when made (like
 * SenderRepository): created and replaced by the sender's own identifier, read
 * back by id. Another organisation's appointment is simply not found.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { identifierReuse, type IncomingAppointment } from '@innboks/core';
import type { Database, OrganizationRow } from '../schema.ts';
import { isUuid } from './is-uuid.ts';
import { upsertCitizen } from './citizens.ts';
import type { AppointmentDetails } from './appointment-details.ts';

export type { AppointmentDetails };

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredAppointment extends AppointmentDetails {
  identifierSystem: string;
  identifierValue: string;
  citizenNationalId: string;
  organizationNumber: string;
}

export type SaveAppointmentOutcome =
  | { outcome: 'created' | 'updated' | 'existing'; appointment: StoredAppointment }
  /** The identifier names an appointment of another citizen: an appointment never changes hands. */
  | { outcome: 'citizen-mismatch' }
  /** An If-Match named a version that is not the current one (or there is none yet). */
  | { outcome: 'version-conflict' };

/**
 * `replace`: create, or replace the one with the same identifier (FHIR conditional update).
 * `create`: create, or answer the existing one unchanged (conditional create).
 * One statement each, so two senders racing on one identifier end with one row.
 * `expectedVersion` (If-Match) replaces only that version: the row is locked and checked first.
 */
export async function saveAppointment(
  executor: Executor,
  organization: { id: string },
  appointment: IncomingAppointment,
  now: Date,
  mode: 'replace' | 'create',
  expectedVersion?: number,
): Promise<SaveAppointmentOutcome> {
  if (expectedVersion !== undefined) {
    const current = await executor
      .selectFrom('appointment')
      .select('version')
      .where('organization_id', '=', organization.id)
      .where('identifier_system', '=', appointment.identifier.system)
      .where('identifier_value', '=', appointment.identifier.value)
      .forUpdate()
      .executeTakeFirst();
    if (current?.version !== expectedVersion) return { outcome: 'version-conflict' };
  }
  const citizenId = await upsertCitizen(executor, appointment.citizenNationalId);
  const values = {
    status: appointment.status,
    start_at: appointment.start,
    end_at: appointment.end,
    kind: appointment.kind,
    care_area: appointment.careArea,
    clinic: appointment.clinic ?? null,
    place: appointment.place ?? null,
    description: appointment.description ?? null,
    patient_instruction: appointment.patientInstruction ?? null,
    representative_access: appointment.representativeAccess ?? null,
    updated_at: now,
  };
  const inserted = await executor
    .insertInto('appointment')
    .values({
      id: randomUUID(),
      citizen_id: citizenId,
      organization_id: organization.id,
      identifier_system: appointment.identifier.system,
      identifier_value: appointment.identifier.value,
      created_at: now,
      ...values,
    })
    .onConflict((conflict) => {
      const target = conflict.columns(['organization_id', 'identifier_system', 'identifier_value']);
      return mode === 'create'
        ? target.doNothing()
        : target
            .doUpdateSet((eb) => ({ ...values, version: eb('appointment.version', '+', 1) }))
            .where('appointment.citizen_id', '=', citizenId);
    })
    .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirst();
  if (inserted) {
    const stored = await loadAppointment(executor, organization.id, inserted.id);
    return { outcome: inserted.inserted ? 'created' : 'updated', appointment: stored! };
  }
  const existing = await findAppointmentByIdentifier(executor, organization.id, appointment.identifier.system, appointment.identifier.value);
  if (!existing) throw new Error('An appointment conflicted on its identifier and then was not there');
  if (identifierReuse(existing.citizenNationalId, appointment.citizenNationalId) === 'other-citizen') return { outcome: 'citizen-mismatch' };
  return { outcome: 'existing', appointment: existing };
}

export async function loadAppointment(executor: Executor, organizationId: string, id: string): Promise<StoredAppointment | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectStored(executor, organizationId).where('appointment.id', '=', id).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function findAppointmentByIdentifier(executor: Executor, organizationId: string, system: string, value: string) {
  const row = await selectStored(executor, organizationId)
    .where('appointment.identifier_system', '=', system)
    .where('appointment.identifier_value', '=', value)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

function selectStored(executor: Executor, organizationId: string) {
  return executor
    .selectFrom('appointment')
    .innerJoin('citizen', 'citizen.id', 'appointment.citizen_id')
    .innerJoin('organization', 'organization.id', 'appointment.organization_id')
    .selectAll('appointment')
    .select(['citizen.national_id', 'organization.org_number'])
    .where('appointment.organization_id', '=', organizationId);
}

function toStored(row: Awaited<ReturnType<ReturnType<typeof selectStored>['executeTakeFirstOrThrow']>>): StoredAppointment {
  return {
    id: row.id,
    identifierSystem: row.identifier_system,
    identifierValue: row.identifier_value,
    status: row.status,
    start: row.start_at,
    end: row.end_at,
    kind: row.kind,
    careArea: row.care_area,
    clinic: row.clinic,
    place: row.place,
    description: row.description,
    patientInstruction: row.patient_instruction,
    version: row.version,
    updatedAt: row.updated_at,
    citizenNationalId: row.national_id,
    organizationNumber: row.org_number,
  };
}

export class SenderAppointments {
  constructor(
    private readonly db: Kysely<Database>,
    readonly organization: OrganizationRow,
  ) {}

  get(id: string): Promise<StoredAppointment | undefined> {
    return loadAppointment(this.db, this.organization.id, id);
  }

  findByIdentifier(system: string, value: string): Promise<StoredAppointment | undefined> {
    return findAppointmentByIdentifier(this.db, this.organization.id, system, value);
  }

  save(appointment: IncomingAppointment, now: Date, mode: 'replace' | 'create', expectedVersion?: number): Promise<SaveAppointmentOutcome> {
    return this.db.transaction().execute((tx) => saveAppointment(tx, this.organization, appointment, now, mode, expectedVersion));
  }
}
