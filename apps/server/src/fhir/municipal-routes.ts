/**
 * The municipality's system tells which citizens receive which of its services
 * (FHIR EpisodeOfCare, conditional update) and reads its services back
 * (HealthcareService). Only organisations of kind `municipal-service` may: their
 * scope has a municipal part (`SenderScope.municipal`), other senders' has none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '@innboks/core';
import type { MunicipalSenderScope } from '@innboks/db';
import { parseEpisodeOfCare, toEpisodeOfCare, toHealthcareService } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';

export interface MunicipalFhirRouteOptions {
  guards: Guards;
  clock: Clock;
}

const fhirJson = 'application/fhir+json; charset=utf-8';
const base = '/fhir/R4';

export async function registerMunicipalFhirRoutes(app: FastifyInstance, options: MunicipalFhirRouteOptions): Promise<void> {
  const { clock } = options;
  const asSender = { preHandler: options.guards.sender };

  const municipalScope = (request: FastifyRequest): MunicipalSenderScope => {
    const municipal = senderScope(request).municipal;
    if (!municipal) throw FhirError.of(403, 'forbidden', 'Only municipal health and care organisations send enrolments');
    return municipal;
  };

  app.put<{ Querystring: Record<string, string | undefined> }>(`${base}/EpisodeOfCare`, asSender, async (request, reply) => {
    const municipal = municipalScope(request);
    const condition = parseIdentifierCondition(request.query.identifier);
    const parsed = parseEpisodeOfCare(request.body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    const { enrolment } = parsed;
    if (enrolment.identifier.system !== condition.system || enrolment.identifier.value !== condition.value) {
      throw FhirError.of(400, 'value', 'identifier in the body must be the one in the URL (?identifier=<system>|<value>)', 'EpisodeOfCare.identifier[0]');
    }
    if (!senderScope(request).isOwnOrganization(enrolment.organizationNumber)) {
      throw FhirError.of(403, 'forbidden', 'You may enrol citizens only in your own organisation\'s services', 'EpisodeOfCare.managingOrganization.identifier.value');
    }
    const result = await municipal.enrolments.put(
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
    if (result.outcome === 'identifier-of-other-citizen') throw fhirErrors.identifierOfOtherCitizen('EpisodeOfCare.identifier[0]');
    if (result.outcome === 'unknown-service') {
      const codes = await municipal.services();
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

  app.get<{ Params: { id: string } }>(`${base}/EpisodeOfCare/:id`, asSender, async (request, reply) => {
    const enrolment = await municipalScope(request).enrolments.get(request.params.id);
    if (!enrolment) throw fhirErrors.notFound('EpisodeOfCare');
    return send(reply, 200, toEpisodeOfCare(enrolment));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${base}/EpisodeOfCare`, asSender, async (request, reply) => {
    const municipal = municipalScope(request);
    const condition = parseIdentifierCondition(request.query.identifier);
    const enrolment = await municipal.enrolments.findByIdentifier(condition.system, condition.value);
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: enrolment ? 1 : 0,
      entry: enrolment ? [{ fullUrl: `${base}/EpisodeOfCare/${enrolment.id}`, resource: toEpisodeOfCare(enrolment), search: { mode: 'match' } }] : [],
    });
  });

  app.get(`${base}/HealthcareService`, asSender, async (request, reply) => {
    const municipal = municipalScope(request);
    const services = await municipal.services();
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: services.length,
      entry: services.map((service) => ({
        fullUrl: `${base}/HealthcareService/${service.id}`,
        resource: toHealthcareService({ ...service, organizationNumber: municipal.organization.org_number }),
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
