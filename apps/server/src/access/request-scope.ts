/**
 * The scope a request's handler reaches data through. An audience's guard (guards.ts)
 * verifies the credential and sets it; a handler takes it with the accessor of its
 * audience, which answers 401 where no guard of that audience ran — so a route that
 * forgot its guard reaches nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { CitizenScope, OperatorScope, Scope, SenderScope, StaffScope } from '@innboks/db';
import { problems } from '../http/problem.ts';
import { fhirErrors } from '../http/fhir-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a guard; read it with `citizenScope`, `staffScope` or `senderScope`. */
    scope: Scope | null;
  }
}

export function citizenScope(request: FastifyRequest): CitizenScope {
  const scope = request.scope;
  if (scope?.audience !== 'citizen') throw problems.unauthenticated();
  return scope;
}

export function staffScope(request: FastifyRequest): StaffScope {
  const scope = request.scope;
  if (scope?.audience !== 'staff') throw problems.unauthenticated();
  return scope;
}

/** Only behind the operator guard; anywhere else 401, as for a missing staff session. */
export function operatorScope(request: FastifyRequest): OperatorScope {
  const scope = request.scope;
  if (scope?.audience !== 'operator') throw problems.unauthenticated();
  return scope;
}

export function senderScope(request: FastifyRequest): SenderScope {
  const scope = request.scope;
  if (scope?.audience !== 'sender') throw fhirErrors.unauthenticated(Boolean(request.headers.authorization));
  return scope;
}
