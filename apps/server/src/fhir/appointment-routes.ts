/**
 * Appointments on the sender API (FHIR R4): conditional update (create or replace by
 * the sender's own identifier), create, read and search by identifier. Everything
 * goes through the sender's scope (its organisation's SenderAppointments).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { identifierReuse, type Clock } from '@innboks/core';
import type { SaveAppointmentOutcome, SenderScope } from '@innboks/db';
import { parseAppointment, toAppointment } from '@innboks/fhir';
import type { Guards } from '../access/guards.ts';
import { senderScope } from '../access/request-scope.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import { parseIfNoneExist, send } from './routes.ts';

export interface AppointmentFhirRouteOptions {
  guards: Guards;
  clock: Clock;
  publicUrl: string;
}

const base = '/fhir/R4';
const locationOf = (id: string) => `${base}/Appointment/${id}`;

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

  const answer = (reply: Parameters<typeof send>[0], outcome: SaveAppointmentOutcome) => {
    if (outcome.outcome === 'citizen-mismatch') {
      throw fhirErrors.identifierOfOtherCitizen('Appointment.identifier');
    }
    const status = outcome.outcome === 'created' ? 201 : 200;
    return send(reply, status, toAppointment(outcome.appointment), locationOf(outcome.appointment.id));
  };

  // Conditional update: PUT Appointment?identifier=<system>|<value> creates or replaces.
  app.put<{ Querystring: Record<string, string | undefined> }>(`${base}/Appointment`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const condition = parseIdentifierParam(request.query.identifier);
    if (!condition) throw FhirError.of(400, 'required', 'Conditional update needs ?identifier=<system>|<value>', 'identifier');
    const body = withIdentifier(request.body, condition);
    const appointment = parseOwn(body, senderScope(request));
    if (appointment.identifier.system !== condition.system || appointment.identifier.value !== condition.value) {
      throw FhirError.of(400, 'value', 'The identifier in the body must be the one in the URL', 'Appointment.identifier');
    }
    return answer(reply, await appointments.save(appointment, clock.now(), 'replace'));
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
      if (existing) return send(reply, 200, toAppointment(existing), locationOf(existing.id));
    }
    return answer(reply, await appointments.save(appointment, clock.now(), 'create'));
  });

  app.get<{ Params: { id: string } }>(`${base}/Appointment/:id`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const appointment = await appointments.get(request.params.id);
    if (!appointment) throw fhirErrors.notFound('Appointment');
    return send(reply, 200, toAppointment(appointment));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${base}/Appointment`, asSender, async (request, reply) => {
    const appointments = appointmentsOf(request);
    const condition = parseIdentifierParam(request.query.identifier);
    if (!condition) throw FhirError.of(400, 'required', 'Search Appointment by identifier=<system>|<value>', 'identifier');
    const found = await appointments.findByIdentifier(condition.system, condition.value);
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: found ? 1 : 0,
      link: [{ relation: 'self', url: `${publicUrl}${request.url}` }],
      entry: found ? [{ fullUrl: `${publicUrl}${locationOf(found.id)}`, resource: toAppointment(found), search: { mode: 'match' } }] : [],
    });
  });
}

function parseIdentifierParam(value: string | undefined): { system: string; value: string } | undefined {
  if (value === undefined) return undefined;
  const separator = value.indexOf('|');
  if (separator <= 0 || separator === value.length - 1) {
    throw FhirError.of(400, 'value', 'identifier takes <system>|<value>', 'identifier');
  }
  return { system: value.slice(0, separator), value: value.slice(separator + 1) };
}

/** A body without an identifier takes the one from the URL, as conditional update allows. */
function withIdentifier(body: unknown, condition: { system: string; value: string }): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'identifier' in body) return body;
  return { ...body, identifier: [condition] };
}
