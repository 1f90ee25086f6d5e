/**
 * Enrolments as the municipality's system states them (FHIR EpisodeOfCare), scoped
 * to the sending organisation: it can enrol citizens only in its own services and
 * read back only its own enrolments. Conditional update by the system's own
 * identifier: the same identifier again replaces the enrolment.
 */
import type { Kysely, Transaction } from 'kysely';
import { identifierReuse } from '@innboks/core';
import type { Database, EnrolmentStatus } from '../../schema.ts';
import { isUuid } from '../is-uuid.ts';
import { upsertCitizen } from '../citizens.ts';
import { identifiedItem, recordIdentifier } from '../sender-identifiers.ts';

export interface EnrolmentInput {
  identifier: { system: string; value: string };
  citizenNationalId: string;
  serviceCode: string;
  status: EnrolmentStatus;
  periodStart: Date | null;
  periodEnd: Date | null;
}

export interface StoredEnrolment {
  id: string;
  identifier: { system: string; value: string };
  citizenNationalId: string;
  organizationNumber: string;
  serviceCode: string;
  serviceName: string;
  status: EnrolmentStatus;
  periodStart: Date | null;
  periodEnd: Date | null;
  version: number;
  updatedAt: Date;
}

export type EnrolmentOutcome =
  | { outcome: 'created' | 'updated'; enrolment: StoredEnrolment }
  | { outcome: 'unknown-service' }
  /** An If-Match named a version that is not the current one (or there is none yet). */
  | { outcome: 'version-conflict' }
  /** The identifier names another citizen's enrolment (identifierReuse): an enrolment never changes citizen. */
  | { outcome: 'identifier-of-other-citizen' };

export class OrganizationEnrolments {
  constructor(
    private readonly db: Kysely<Database>,
    readonly organizationId: string,
  ) {}

  /**
   * Creates or replaces the enrolment with this identifier; ending it (finished, cancelled, …) closes messaging at once.
   * With `expectedVersion` (If-Match) it only replaces that version, checked under the row's lock.
   */
  async put(input: EnrolmentInput, now: Date, expectedVersion?: number): Promise<EnrolmentOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const service = await tx
        .selectFrom('municipal_service')
        .select(['id'])
        .where('organization_id', '=', this.organizationId)
        .where('code', '=', input.serviceCode)
        .executeTakeFirst();
      if (!service) return { outcome: 'unknown-service' as const };
      const identifier = { organizationId: this.organizationId, kind: 'service_enrolment' as const, system: input.identifier.system, value: input.identifier.value };
      const held = await identifiedItem(tx, identifier);
      const existing = held
        ? await tx
            .selectFrom('service_enrolment')
            .innerJoin('citizen', 'citizen.id', 'service_enrolment.citizen_id')
            .select(['service_enrolment.id', 'service_enrolment.version', 'citizen.national_id'])
            .where('service_enrolment.citizen_id', '=', held.citizenId)
            .where('service_enrolment.id', '=', held.itemId)
            .forUpdate('service_enrolment')
            .executeTakeFirst()
        : undefined;
      if (existing && identifierReuse(existing.national_id, input.citizenNationalId) === 'other-citizen') {
        return { outcome: 'identifier-of-other-citizen' as const };
      }
      if (expectedVersion !== undefined && existing?.version !== expectedVersion) return { outcome: 'version-conflict' as const };
      const citizenId = await upsertCitizen(tx, input.citizenNationalId);
      let id: string;
      if (existing) {
        id = existing.id;
        await tx
          .updateTable('service_enrolment')
          .set((eb) => ({
            citizen_id: citizenId,
            service_id: service.id,
            status: input.status,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            version: eb('version', '+', 1),
            updated_at: now,
          }))
          .where('citizen_id', '=', citizenId)
          .where('id', '=', id)
          .execute();
      } else {
        const row = await tx
          .insertInto('service_enrolment')
          .values({
            citizen_id: citizenId,
            service_id: service.id,
            organization_id: this.organizationId,
            identifier_system: input.identifier.system,
            identifier_value: input.identifier.value,
            status: input.status,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
        await recordIdentifier(tx, identifier, { citizenId, itemId: id });
      }
      const enrolment = await loadEnrolment(tx, this.organizationId, id);
      return { outcome: existing ? ('updated' as const) : ('created' as const), enrolment: enrolment! };
    });
  }

  async get(id: string): Promise<StoredEnrolment | undefined> {
    if (!isUuid(id)) return undefined;
    return loadEnrolment(this.db, this.organizationId, id);
  }

  async findByIdentifier(system: string, value: string): Promise<StoredEnrolment | undefined> {
    const held = await identifiedItem(this.db, { organizationId: this.organizationId, kind: 'service_enrolment', system, value });
    return held ? loadEnrolment(this.db, this.organizationId, held.itemId) : undefined;
  }
}

async function loadEnrolment(executor: Kysely<Database> | Transaction<Database>, organizationId: string, id: string): Promise<StoredEnrolment | undefined> {
  const row = await executor
    .selectFrom('service_enrolment')
    .innerJoin('citizen', 'citizen.id', 'service_enrolment.citizen_id')
    .innerJoin('municipal_service', 'municipal_service.id', 'service_enrolment.service_id')
    .innerJoin('organization', 'organization.id', 'service_enrolment.organization_id')
    .selectAll('service_enrolment')
    .select(['citizen.national_id', 'municipal_service.code', 'municipal_service.name as service_name', 'organization.org_number'])
    .where('service_enrolment.id', '=', id)
    .where('service_enrolment.organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    identifier: { system: row.identifier_system, value: row.identifier_value },
    citizenNationalId: row.national_id,
    organizationNumber: row.org_number,
    serviceCode: row.code,
    serviceName: row.service_name,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
