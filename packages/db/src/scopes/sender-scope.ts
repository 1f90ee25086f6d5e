/**
 * All a sender system may reach, for its own organisation: its letters and
 * appointments, and for a municipal health and care organisation also its services
 * and enrolments. The checks of "own organisation" and "municipal organisations
 * only" are made here, so no route repeats them.
 */
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../schema.ts';
import type { SenderRepository } from '../repositories/sender-repository.ts';
import { SenderAppointments } from '../repositories/sender-appointments.ts';
import { OrganizationEnrolments } from '../repositories/municipal/enrolments.ts';
import { SenderForms } from '../repositories/forms/sender-forms.ts';
import type { PrincipalOf } from './principal.ts';

export interface OwnService {
  id: string;
  code: string;
  name: string;
  digitalContact: boolean;
}

/** What only a municipal health and care organisation may do: state enrolments in its own services. */
export class MunicipalSenderScope {
  readonly enrolments: OrganizationEnrolments;

  constructor(
    private readonly db: Kysely<Database>,
    readonly organization: OrganizationRow,
  ) {
    this.enrolments = new OrganizationEnrolments(db, organization.id);
  }

  /** The organisation's own services, by code. */
  async services(): Promise<OwnService[]> {
    const rows = await this.db
      .selectFrom('municipal_service')
      .select(['id', 'code', 'name', 'digital_contact'])
      .where('organization_id', '=', this.organization.id)
      .orderBy('code')
      .execute();
    return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, digitalContact: row.digital_contact }));
  }
}

export class SenderScope {
  readonly audience = 'sender';
  readonly organization: OrganizationRow;
  readonly appointments: SenderAppointments;
  /** Its Questionnaires, form orders and the answers to them. */
  readonly forms: SenderForms;
  /** Present only for a municipal health and care organisation. */
  readonly municipal: MunicipalSenderScope | undefined;

  constructor(
    db: Kysely<Database>,
    readonly principal: PrincipalOf<'sender'>,
    readonly letters: SenderRepository,
  ) {
    this.organization = letters.organization;
    this.appointments = new SenderAppointments(db, this.organization);
    this.forms = new SenderForms(db, this.organization);
    this.municipal = this.organization.kind === 'municipal-service' ? new MunicipalSenderScope(db, this.organization) : undefined;
  }

  /**
   * A sender writes and reads only for its own organisation (letters, appointments,
   * enrolments, searches), named by its organisation number or by its id here.
   */
  isOwnOrganization(organization: string | { id: string }): boolean {
    return typeof organization === 'string' ? organization === this.organization.org_number : organization.id === this.organization.id;
  }
}
