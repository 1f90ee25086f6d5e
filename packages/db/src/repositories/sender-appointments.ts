/**
 * A sender's appointments, scoped to its organisation when made (like
 * SenderRepository): created and replaced by the sender's own identifier, read
 * back by id. Another organisation's appointment is simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { identifierReuse, type IncomingAppointment } from '@innboks/core';
import type { Database, OrganizationRow } from '../schema.ts';
import { isUuid } from './is-uuid.ts';
import { upsertCitizen } from './citizens.ts';
import type { AppointmentDetails } from './appointment-details.ts';
import { identifiedItem } from './sender-identifiers.ts';

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
  const identifier = { organizationId: organization.id, kind: 'appointment' as const, system: appointment.identifier.system, value: appointment.identifier.value };
  if (expectedVersion !== undefined) {
    const held = await identifiedItem(executor, identifier);
    const current = held
      ? await executor.selectFrom('appointment').select('version').where('citizen_id', '=', held.citizenId).where('id', '=', held.itemId).forUpdate().executeTakeFirst()
      : undefined;
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
  // The identifier is claimed and the appointment written in one transaction: a new
  // identifier makes both, one already held makes neither.
  const create = async (tx: Transaction<Database>) => {
    const claimed = await tx
      .insertInto('sender_identifier')
      .values({ organization_id: organization.id, kind: 'appointment', identifier_system: identifier.system, identifier_value: identifier.value, citizen_id: citizenId, item_id: randomUUID() })
      .onConflict((conflict) => conflict.doNothing())
      .returning('item_id')
      .executeTakeFirst();
    if (!claimed) return undefined;
    return tx
      .insertInto('appointment')
      .values({ id: claimed.item_id, citizen_id: citizenId, organization_id: organization.id, identifier_system: identifier.system, identifier_value: identifier.value, created_at: now, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
  };
  const created = executor.isTransaction ? await create(executor as Transaction<Database>) : await executor.transaction().execute(create);
  if (created) return { outcome: 'created', appointment: (await loadAppointment(executor, organization.id, created.id))! };
  const existing = await findAppointmentByIdentifier(executor, organization.id, identifier.system, identifier.value);
  if (!existing) throw new Error('An appointment conflicted on its identifier and then was not there');
  if (identifierReuse(existing.citizenNationalId, appointment.citizenNationalId) === 'other-citizen') return { outcome: 'citizen-mismatch' };
  if (mode === 'create') return { outcome: 'existing', appointment: existing };
  await executor
    .updateTable('appointment')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('citizen_id', '=', citizenId)
    .where('id', '=', existing.id)
    .execute();
  return { outcome: 'updated', appointment: (await loadAppointment(executor, organization.id, existing.id))! };
}

export async function loadAppointment(executor: Executor, organizationId: string, id: string): Promise<StoredAppointment | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectStored(executor, organizationId).where('appointment.id', '=', id).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function findAppointmentByIdentifier(executor: Executor, organizationId: string, system: string, value: string) {
  const held = await identifiedItem(executor, { organizationId, kind: 'appointment', system, value });
  if (!held) return undefined;
  const row = await selectStored(executor, organizationId).where('appointment.citizen_id', '=', held.citizenId).where('appointment.id', '=', held.itemId).executeTakeFirst();
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
