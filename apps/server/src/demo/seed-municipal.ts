/**
 * The municipal part of the demo world: trial municipalities, services, staff and
 * their memberships, and enrolments (as a municipality's system would send them by
 * EpisodeOfCare). Enrolments are made once; later starts keep what changed since.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { MunicipalDirectory, OrganizationEnrolments, type Database } from '@innboks/db';
import { demoEnrolments, demoMunicipalities, demoMunicipalServices, demoSenders, demoStaff } from './demo-data.ts';

export const demoEpisodeOfCareSystem = 'urn:innboks:demo:episode-of-care';

export async function seedMunicipalDemo(db: Kysely<Database>, clock: Clock): Promise<void> {
  const directory = new MunicipalDirectory(db);
  const organizationId = async (clientId: string) => {
    const orgNumber = demoSenders.find((sender) => sender.clientId === clientId)?.organizationNumber;
    const row = orgNumber ? await db.selectFrom('organization').select('id').where('org_number', '=', orgNumber).executeTakeFirst() : undefined;
    if (!row) throw new Error(`Demo organisation ${clientId} is not seeded`);
    return row.id;
  };

  for (const municipality of demoMunicipalities) {
    await directory.saveMunicipality(municipality.name, municipality.inTrial);
    if (municipality.organizationClientId) await directory.setOrganizationMunicipality(await organizationId(municipality.organizationClientId), municipality.name);
  }
  const serviceIds = new Map<string, string>();
  for (const service of demoMunicipalServices) {
    const id = await directory.saveService({
      organizationId: await organizationId(service.organizationClientId),
      code: service.code,
      name: service.name,
      digitalContact: service.digitalContact,
    });
    serviceIds.set(`${service.organizationClientId}|${service.name}`, id);
  }
  for (const member of demoStaff) {
    const staffId = await directory.saveStaff({ nationalId: member.nationalId, hprNumber: member.hprNumber, name: member.name, operator: member.operator ?? false });
    for (const serviceName of member.services) {
      const serviceId = serviceIds.get(`${member.organizationClientId}|${serviceName}`);
      if (serviceId) await directory.addMembership(staffId, serviceId);
    }
  }
  for (const enrolment of demoEnrolments()) {
    const enrolments = new OrganizationEnrolments(db, await organizationId(enrolment.organizationClientId));
    const identifier = { system: demoEpisodeOfCareSystem, value: `${enrolment.organizationClientId}-${enrolment.code}-${enrolment.nationalId}` };
    if (await enrolments.findByIdentifier(identifier.system, identifier.value)) continue;
    await enrolments.put(
      { identifier, citizenNationalId: enrolment.nationalId, serviceCode: enrolment.code, status: 'active', periodStart: new Date('2025-01-01T00:00:00Z'), periodEnd: null },
      clock.now(),
    );
  }
}
