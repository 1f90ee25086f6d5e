/**
 * A route that forgot its guard, or has another audience's, reaches nothing: the
 * accessor answers 401 (a problem for the web APIs, an OperationOutcome for FHIR).
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CitizenScope, OperatorScope, StaffScope, type Scope } from '@innboks/db';
import { HttpProblem } from '../http/problem.ts';
import { FhirError } from '../http/fhir-error.ts';
import { citizenScope, operatorScope, senderScope, staffScope } from './request-scope.ts';

// The scopes only hold the handle until a query runs; none runs here.
const unusedDatabase = {} as ConstructorParameters<typeof CitizenScope>[0];
const unusedDelivery = {} as ConstructorParameters<typeof CitizenScope>[1];
const citizen = new CitizenScope(unusedDatabase, unusedDelivery, { kind: 'citizen', citizenId: 'c1', nationalId: '01817012345', name: 'Kari' });
const staff = new StaffScope(unusedDatabase, { kind: 'staff', staffId: 's1', name: 'Siri', hprNumber: null, operator: false }, 'unused-access-log-key');

const operator = new OperatorScope(unusedDatabase, {} as ConstructorParameters<typeof OperatorScope>[1], { kind: 'staff', staffId: 's2', name: 'Oda', hprNumber: null, operator: true }, () => new Date());

const requestWith = (scope: Scope | null) => ({ scope, headers: {} }) as unknown as FastifyRequest;

describe('the scope accessors', () => {
  it('give the scope their audience\'s guard set', () => {
    expect(citizenScope(requestWith(citizen))).toBe(citizen);
    expect(staffScope(requestWith(staff))).toBe(staff);
    expect(operatorScope(requestWith(operator))).toBe(operator);
  });

  it('answer 401 where no guard ran', () => {
    expect(() => citizenScope(requestWith(null))).toThrow(HttpProblem);
    expect(() => staffScope(requestWith(null))).toThrow(HttpProblem);
    expect(() => senderScope(requestWith(null))).toThrow(FhirError);
  });

  it('answer 401 for another audience\'s scope', () => {
    expect(() => citizenScope(requestWith(staff))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => staffScope(requestWith(citizen))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => senderScope(requestWith(citizen))).toThrow(expect.objectContaining({ status: 401 }));
    // A staff member's scope is not an operator's: the staff guard never opens the operator's routes.
    expect(() => operatorScope(requestWith(staff))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => staffScope(requestWith(operator))).toThrow(expect.objectContaining({ status: 401 }));
  });
});
