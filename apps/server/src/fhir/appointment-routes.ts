/**
 * Appointments on the sender API (FHIR R4): update by id or conditional update
 * (create or replace by the sender's own identifier), both honouring If-Match;
 * create, read and search by identifier. Everything goes through the sender's scope
 * (its organisation's SenderAppointments).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identifierReuse, type Clock } from '@innboks/core';
import type { SaveAppointmentOutcome, SenderScope } from '@innboks/db';
import { parseAppointment, toAppointment } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { parseIfNoneExist } from './routes.ts';
import { fhirBase as base, ifMatchVersion, sendBundle, sendFhir, versionConflict, versionLocation } from './fhir-reply.ts';
import { requireIdentifierParam, searchParameters } from './search-parameters.ts';
import { bodyForUpdateById, withIdentifier } from './update-by-id.ts';

export interface AppointmentFhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
}

export async function registerAppointmentFhirRoutes(app: FastifyInstance, options: AppointmentFhirRouteOptions): Promise<void> {
  const { clock, publicUrl } = options;
  const asSender = { preHandler: options.guards.sender };
  const appointmentsOf = (request: FastifyRequest) => senderScope(request).appointments;

  const parseOwn = (body: unknown, scope: SenderScope) => {
    const parsed = parseAppointment(body);
    if (!parsed.ok) throw new FhirError(400, parsed.issues);
    if (!scope.isOwnOrganization(parsed.appointment.organizationNumber)) {
      throw FhirError.of(403, 'forbidden', 'The organisation participant must be your own organisation', 'Appointment.participant');
    }
    return parsed.appointment;
  };

  const answer = (request: FastifyRequest, reply: FastifyReply, outcome: SaveAppointmentOutcome) => {
    if (outcome.outcome === 'citizen-mismatch') {
      throw fhirErrors.identifierOfOtherCitizen('Appointment.identifier');
    }
    if (outcome.outcome === 'version-conflict') throw versionConflict();
    const resource = toAppointment(outcome.appointment);
    return sendFhir(request, reply, outcome.outcome === 'created' ? 201 : 200, resource, versionLocation(resource));
  };

  // Conditional update: PUT Appointment?identifier=<system>|<value> creates or replaces.
  app.put(`${base}/Appointment`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const condition = requireIdentifierParam(searchParameters(request, ['identifier']).identifier, 'Conditional update needs ?identifier=<system>|<value>');
    const body = withIdentifier(request.body, condition);
    const appointment = parseOwn(body, senderScope(request));
    if (appointment.identifier.system !== condition.system || appointment.identifier.value !== condition.value) {
      throw FhirError.of(400, 'value', 'The identifier in the body must be the one in the URL', 'Appointment.identifier');
    }
    return answer(request, reply, await appointments.save(appointment, clock.now(), 'replace', ifMatchVersion(request)));
  });

  // Update by id: the appointment must exist (ids are ours); its identifier stays.
  app.put<{ Params: { id: string } }>(`${base}/Appointment/:id`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const stored = await appointments.get(request.params.id);
    if (!stored) throw fhirErrors.notFound('Appointment');
    const identifier = { system: stored.identifierSystem, value: stored.identifierValue };
    const appointment = parseOwn(bodyForUpdateById(request.body, 'Appointment', request.params.id, identifier), senderScope(request));
    return answer(request, reply, await appointments.save(appointment, clock.now(), 'replace', ifMatchVersion(request)));
  });

  app.post(`${base}/Appointment`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const appointment = parseOwn(request.body, senderScope(request));
    const condition = parseIfNoneExist(request.headers['if-none-exist']);
    if (condition) {
      const existing = await appointments.findByIdentifier(condition.system, condition.value);
      if (existing && identifierReuse(existing.citizenNationalId, appointment.citizenNationalId) === 'other-citizen') {
        throw fhirErrors.identifierOfOtherCitizen('Appointment.identifier');
      }
      if (existing) return answer(request, reply, { outcome: 'existing', appointment: existing });
    }
    return answer(request, reply, await appointments.save(appointment, clock.now(), 'create'));
  });

  app.get<{ Params: { id: string } }>(`${base}/Appointment/:id`, asSender, async (request, reply) => {
    const appointment = await appointmentsOf(request).get(request.params.id);
    if (!appointment) throw fhirErrors.notFound('Appointment');
    return sendFhir(request, reply, 200, toAppointment(appointment));
  });

  app.get(`${base}/Appointment`, asSender, async (request, reply) => {
    const applied = searchParameters(request, ['identifier']);
    const condition = requireIdentifierParam(applied.identifier, 'Search Appointment by identifier=<system>|<value>');
    const found = await appointmentsOf(request).findByIdentifier(condition.system, condition.value);
    const resources = found ? [toAppointment(found)] : [];
    return sendBundle(request, reply, { publicUrl, resourceType: 'Appointment', applied, resources, total: resources.length });
  });
}
