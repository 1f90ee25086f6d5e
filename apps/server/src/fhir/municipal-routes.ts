/**
 * The municipality's system tells which citizens receive which of its services
 * (FHIR EpisodeOfCare: conditional update or update by id, both honouring If-Match)
 * and reads its services back (HealthcareService). Only organisations of kind
 * `municipal-service` may: their scope has a municipal part (`SenderScope.municipal`),
 * other senders' has none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '@innboks/core';
import type { MunicipalSenderScope } from '@innboks/db';
import { parseEpisodeOfCare, toEpisodeOfCare, toHealthcareService } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { fhirBase as base, ifMatchVersion, sendBundle, sendFhir, versionConflict, versionLocation } from './fhir-reply.ts';
import { requireIdentifierParam, searchParameters } from './search-parameters.ts';
import { bodyForUpdateById } from './update-by-id.ts';

export interface MunicipalFhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
}

export async function registerMunicipalFhirRoutes(app: FastifyInstance, options: MunicipalFhirRouteOptions): Promise<void> {
  const { clock, publicUrl } = options;
  const asSender = { preHandler: options.guards.sender };

  const municipalScope = (request: FastifyRequest): MunicipalSenderScope => {
    const municipal = senderScope(request).municipal;
    if (!municipal) throw FhirError.of(403, 'forbidden', 'Only municipal health and care organisations send enrolments');
    return municipal;
  };

  /** Both updates: the body checked, saved (only the If-Match version, when given), answered. */
  const save = async (request: FastifyRequest, reply: FastifyReply, body: unknown, condition: { system: string; value: string }) => {
    const municipal = municipalScope(request);
    const parsed = parseEpisodeOfCare(body);
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
      ifMatchVersion(request),
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
    if (result.outcome === 'version-conflict') throw versionConflict();
    const resource = toEpisodeOfCare(result.enrolment);
    return sendFhir(request, reply, result.outcome === 'created' ? 201 : 200, resource, versionLocation(resource));
  };

  app.put(`${base}/EpisodeOfCare`, asSender, async (request, reply) => {
    const condition = requireIdentifierParam(searchParameters(request, ['identifier']).identifier, 'identifier=<system>|<value> is required');
    return save(request, reply, request.body, condition);
  });

  // Update by id: the enrolment must exist (ids are ours); its identifier stays.
  app.put<{ Params: { id: string } }>(`${base}/EpisodeOfCare/:id`, asSender, async (request, reply) => {
    const stored = await municipalScope(request).enrolments.get(request.params.id);
    if (!stored) throw fhirErrors.notFound('EpisodeOfCare');
    return save(request, reply, bodyForUpdateById(request.body, 'EpisodeOfCare', stored.id, stored.identifier), stored.identifier);
  });

  app.get<{ Params: { id: string } }>(`${base}/EpisodeOfCare/:id`, asSender, async (request, reply) => {
    const enrolment = await municipalScope(request).enrolments.get(request.params.id);
    if (!enrolment) throw fhirErrors.notFound('EpisodeOfCare');
    return sendFhir(request, reply, 200, toEpisodeOfCare(enrolment));
  });

  app.get(`${base}/EpisodeOfCare`, asSender, async (request, reply) => {
    const municipal = municipalScope(request);
    const applied = searchParameters(request, ['identifier']);
    const condition = requireIdentifierParam(applied.identifier, 'identifier=<system>|<value> is required');
    const enrolment = await municipal.enrolments.findByIdentifier(condition.system, condition.value);
    const resources = enrolment ? [toEpisodeOfCare(enrolment)] : [];
    return sendBundle(request, reply, { publicUrl, resourceType: 'EpisodeOfCare', applied, resources, total: resources.length });
  });

  const healthcareServices = async (request: FastifyRequest) => {
    const municipal = municipalScope(request);
    const services = await municipal.services();
    return services.map((service) => toHealthcareService({ ...service, organizationNumber: municipal.organization.org_number }));
  };

  app.get(`${base}/HealthcareService`, asSender, async (request, reply) => {
    const applied = searchParameters(request, []);
    const resources = await healthcareServices(request);
    return sendBundle(request, reply, { publicUrl, resourceType: 'HealthcareService', applied, resources, total: resources.length });
  });

  app.get<{ Params: { id: string } }>(`${base}/HealthcareService/:id`, asSender, async (request, reply) => {
    const service = (await healthcareServices(request)).find((candidate) => candidate.id === request.params.id);
    if (!service) throw fhirErrors.notFound('HealthcareService');
    return sendFhir(request, reply, 200, service);
  });
}
