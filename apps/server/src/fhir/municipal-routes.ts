/**
 * The municipality's system tells which citizens receive which of its services
 * (FHIR EpisodeOfCare, conditional update) and reads its services back
 * (HealthcareService). Only organisations of kind `municipal-service` may.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { OrganizationEnrolments, type Database, type SenderRepository } from '@innboks/db';
import { parseEpisodeOfCare, toEpisodeOfCare, toHealthcareService } from '@innboks/fhir';
import { authenticateSender, type SenderTokenVerifier } from './sender-auth.ts';
import { FhirError, fhirErrors } from './fhir-error.ts';

export interface MunicipalFhirRouteOptions {
  db: Kysely<Database>;
  clock: Clock;
  verifySenderToken: SenderTokenVerifier;
}

const fhirJson = 'application/fhir+json; charset=utf-8';
const base = '/fhir/R4';

export async function registerMunicipalFhirRoutes(app: FastifyInstance, options: MunicipalFhirRouteOptions): Promise<void> {
  const { db, clock } = options;

  const municipalSender = async (request: Parameters<typeof authenticateSender>[0]): Promise<SenderRepository> => {
    const sender = await authenticateSender(request, db, options.verifySenderToken);
    if (sender.organization.kind !== 'municipal-service') {
      throw FhirError.of(403, 'forbidden', 'Only municipal health and care organisations send enrolments');
    }
    return sender;
  };

  app.put<{ Querystring: Record<string, string | undefined> }>(`${base}/EpisodeOfCare`, async (request, reply) => {
    const sender = await municipalSender(request);
    const condition = parseIdentifierCondition(request.query.identifier);
    const parsed = parseEpisodeOfCare(request.body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    const { enrolment } = parsed;
    if (enrolment.identifier.system !== condition.system || enrolment.identifier.value !== condition.value) {
      throw FhirError.of(400, 'value', 'identifier in the body must be the one in the URL (?identifier=<system>|<value>)', 'EpisodeOfCare.identifier[0]');
    }
    if (enrolment.organizationNumber !== sender.organization.org_number) {
      throw FhirError.of(403, 'forbidden', 'You may enrol citizens only in your own organisation\'s services', 'EpisodeOfCare.managingOrganization.identifier.value');
    }
    const enrolments = new OrganizationEnrolments(db, sender.organization.id);
    const result = await enrolments.put(
      {
        identifier: enrolment.identifier,
        citizenNationalId: enrolment.citizenNationalId,
        serviceCode: enrolment.serviceCode,
        status: enrolment.status,
        periodStart: enrolment.periodStart,
        periodEnd: enrolment.periodEnd,
      },
      clock.now(),
    );
    if (result.outcome === 'unknown-service') {
      const codes = await db.selectFrom('municipal_service').select('code').where('organization_id', '=', sender.organization.id).orderBy('code').execute();
      throw FhirError.of(
        422,
        'business-rule',
        `No service of yours has the code "${enrolment.serviceCode}"; yours are: ${codes.map((row) => row.code).join(', ') || '(none registered)'}`,
        'EpisodeOfCare.type[0].coding[0].code',
      );
    }
    const location = `${base}/EpisodeOfCare/${result.enrolment.id}`;
    return send(reply, result.outcome === 'created' ? 201 : 200, toEpisodeOfCare(result.enrolment), location);
  });

  app.get<{ Params: { id: string } }>(`${base}/EpisodeOfCare/:id`, async (request, reply) => {
    const sender = await municipalSender(request);
    const enrolment = await new OrganizationEnrolments(db, sender.organization.id).get(request.params.id);
    if (!enrolment) throw fhirErrors.notFound('EpisodeOfCare');
    return send(reply, 200, toEpisodeOfCare(enrolment));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${base}/EpisodeOfCare`, async (request, reply) => {
    const sender = await municipalSender(request);
    const condition = parseIdentifierCondition(request.query.identifier);
    const enrolment = await new OrganizationEnrolments(db, sender.organization.id).findByIdentifier(condition.system, condition.value);
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: enrolment ? 1 : 0,
      entry: enrolment ? [{ fullUrl: `${base}/EpisodeOfCare/${enrolment.id}`, resource: toEpisodeOfCare(enrolment), search: { mode: 'match' } }] : [],
    });
  });

  app.get(`${base}/HealthcareService`, async (request, reply) => {
    const sender = await municipalSender(request);
    const services = await db
      .selectFrom('municipal_service')
      .select(['id', 'code', 'name', 'digital_contact'])
      .where('organization_id', '=', sender.organization.id)
      .orderBy('code')
      .execute();
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: services.length,
      entry: services.map((service) => ({
        fullUrl: `${base}/HealthcareService/${service.id}`,
        resource: toHealthcareService({ id: service.id, code: service.code, name: service.name, digitalContact: service.digital_contact, organizationNumber: sender.organization.org_number }),
        search: { mode: 'match' },
      })),
    });
  });
}

function parseIdentifierCondition(value: string | undefined): { system: string; value: string } {
  const match = value ? /^([^|]+)\|(.+)$/.exec(value) : null;
  if (!match) throw FhirError.of(400, 'required', 'identifier=<system>|<value> is required', 'identifier');
  return { system: match[1]!, value: match[2]! };
}

function send(reply: FastifyReply, status: number, body: unknown, location?: string) {
  if (location) reply.header('location', location);
  return reply.code(status).header('content-type', fhirJson).send(JSON.stringify(body));
}
