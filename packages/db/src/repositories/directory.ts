/** Citizens, organisations and sender clients: the directory the rest looks things up in. */
import { sql, type Kysely } from 'kysely';
import type { Database, OrganizationKind } from '../schema.ts';
import { citizenIdFor, claimNationalIdSql } from './citizens.ts';

export interface CitizenRecord {
  nationalId: string;
  name: string;
  portalUser: boolean;
  municipality: string | null;
  birthDate: string | null;
}

export interface OrganizationRecord {
  organizationNumber: string;
  name: string;
  kind: OrganizationKind;
  region: string | null;
}

export class Directory {
  constructor(private readonly db: Kysely<Database>) {}

  /** The citizen the register describes: the national id claimed in the directory first, then the row written with the id it names. */
  async saveCitizen(citizen: CitizenRecord): Promise<string> {
    const { rows } = await sql<{ id: string }>`
      with ${claimNationalIdSql(citizen.nationalId)}
      insert into citizen (id, national_id, name, portal_user, municipality, birth_date)
      select citizen_id, ${citizen.nationalId}, ${citizen.name}, ${citizen.portalUser}, ${citizen.municipality}, ${citizen.birthDate}::date from claimed
      on conflict (id) do update set name = excluded.name, portal_user = excluded.portal_user, municipality = excluded.municipality, birth_date = excluded.birth_date
      returning id`.execute(this.db);
    return rows[0]!.id;
  }

  async saveOrganization(organization: OrganizationRecord): Promise<string> {
    const row = await this.db
      .insertInto('organization')
      .values({ org_number: organization.organizationNumber, name: organization.name, kind: organization.kind, region: organization.region })
      .onConflict((conflict) =>
        conflict.column('org_number').doUpdateSet({ name: organization.name, kind: organization.kind, region: organization.region }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async saveSenderClient(client: { clientId: string; organizationId: string; name: string; jwks: { keys: Record<string, unknown>[] } }) {
    await this.db
      .insertInto('sender_client')
      .values({ client_id: client.clientId, organization_id: client.organizationId, name: client.name, jwks: JSON.stringify(client.jwks) })
      .onConflict((conflict) =>
        conflict.column('client_id').doUpdateSet({ organization_id: client.organizationId, name: client.name, jwks: JSON.stringify(client.jwks) }),
      )
      .execute();
  }

  /** A sender client with its organisation, for the token issuer. */
  async findSenderClient(clientId: string) {
    return this.db
      .selectFrom('sender_client')
      .innerJoin('organization', 'organization.id', 'sender_client.organization_id')
      .select(['sender_client.client_id', 'sender_client.name', 'sender_client.jwks', 'organization.org_number', 'organization.name as organization_name'])
      .where('sender_client.client_id', '=', clientId)
      .executeTakeFirst();
  }

  async findCitizen(nationalId: string) {
    // The directory names the citizen, then the row is read by its id: one shard each on Citus.
    const citizenId = await citizenIdFor(this.db, nationalId);
    return citizenId === undefined ? undefined : this.db.selectFrom('citizen').selectAll().where('id', '=', citizenId).executeTakeFirst();
  }

  /** Citizens the test login page offers to pick from. */
  async listCitizens(limit = 50) {
    return this.db.selectFrom('citizen').selectAll().where('name', '<>', '').orderBy(sql`portal_user desc`).orderBy('name').limit(limit).execute();
  }
}
