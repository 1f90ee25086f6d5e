/**
 * The municipal directory: municipalities in the trial, the services of a
 * municipality's health and care organisation, staff and their memberships. Used by
 * the demo seed, operators and tests; it holds no citizen's data.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

export interface ServiceRecord {
  organizationId: string;
  code: string;
  name: string;
  digitalContact: boolean;
}

export interface StaffRecord {
  nationalId: string;
  hprNumber: string | null;
  name: string;
  /** Runs the service: the operator's screen (default false). */
  operator?: boolean;
}

export interface StaffListing {
  id: string;
  nationalId: string;
  hprNumber: string | null;
  name: string;
  services: string[];
  operator: boolean;
}

export class MunicipalDirectory {
  constructor(private readonly db: Kysely<Database>) {}

  async saveMunicipality(name: string, inTrial: boolean): Promise<void> {
    await this.db
      .insertInto('municipality')
      .values({ name, in_trial: inTrial })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ in_trial: inTrial }))
      .execute();
  }

  /** Says which municipality a (municipal-service) organisation serves. */
  async setOrganizationMunicipality(organizationId: string, municipality: string): Promise<void> {
    await this.db.updateTable('organization').set({ municipality }).where('id', '=', organizationId).execute();
  }

  async saveService(service: ServiceRecord): Promise<string> {
    const row = await this.db
      .insertInto('municipal_service')
      .values({ organization_id: service.organizationId, code: service.code, name: service.name, digital_contact: service.digitalContact })
      .onConflict((conflict) =>
        conflict.columns(['organization_id', 'code']).doUpdateSet({ name: service.name, digital_contact: service.digitalContact, updated_at: new Date() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setDigitalContact(serviceId: string, digitalContact: boolean): Promise<void> {
    await this.db.updateTable('municipal_service').set({ digital_contact: digitalContact, updated_at: new Date() }).where('id', '=', serviceId).execute();
  }

  async findService(organizationId: string, code: string) {
    return this.db.selectFrom('municipal_service').selectAll().where('organization_id', '=', organizationId).where('code', '=', code).executeTakeFirst();
  }

  async saveStaff(staff: StaffRecord): Promise<string> {
    const row = await this.db
      .insertInto('staff_member')
      .values({ national_id: staff.nationalId, hpr_number: staff.hprNumber, name: staff.name, operator: staff.operator ?? false })
      .onConflict((conflict) => conflict.column('national_id').doUpdateSet({ hpr_number: staff.hprNumber, name: staff.name, operator: staff.operator ?? false }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async addMembership(staffId: string, serviceId: string): Promise<void> {
    await this.db
      .insertInto('staff_membership')
      .values({ staff_id: staffId, service_id: serviceId })
      .onConflict((conflict) => conflict.columns(['staff_id', 'service_id']).doNothing())
      .execute();
  }

  /** Takes effect on the staff member's next request: every staff query joins the membership. */
  async removeMembership(staffId: string, serviceId: string): Promise<boolean> {
    const rows = await this.db.deleteFrom('staff_membership').where('staff_id', '=', staffId).where('service_id', '=', serviceId).execute();
    return rows.some((row) => Number(row.numDeletedRows) > 0);
  }

  async findStaff(nationalId: string) {
    return this.db.selectFrom('staff_member').selectAll().where('national_id', '=', nationalId).executeTakeFirst();
  }

  /** Staff with the names of the services they work in, for the test login page. */
  async listStaff(limit = 50): Promise<StaffListing[]> {
    const staff = await this.db.selectFrom('staff_member').selectAll().orderBy('name').limit(limit).execute();
    const memberships = staff.length
      ? await this.db
          .selectFrom('staff_membership')
          .innerJoin('municipal_service', 'municipal_service.id', 'staff_membership.service_id')
          .innerJoin('organization', 'organization.id', 'municipal_service.organization_id')
          .select(['staff_membership.staff_id', 'municipal_service.name', 'organization.municipality'])
          .where(
            'staff_membership.staff_id',
            'in',
            staff.map((member) => member.id),
          )
          .orderBy('municipal_service.name')
          .execute()
      : [];
    return staff.map((member) => ({
      id: member.id,
      nationalId: member.national_id,
      hprNumber: member.hpr_number,
      name: member.name,
      operator: member.operator,
      services: memberships
        .filter((membership) => membership.staff_id === member.id)
        .map((membership) => (membership.municipality ? `${membership.name} (${membership.municipality})` : membership.name)),
    }));
  }
}
