/**
 * Reads a Task that orders a form for one citizen (POST /fhir/R4/Task): the sender's
 * identifier, the citizen (`for`), the ordering organisation (`requester`), the form
 * (`input` valueCanonical `<url>|<version>`) and when it closes
 * (`restriction.period.end`), and who besides the citizen may see it (the
 * representative-access extension, as on a letter). Each problem names its element.
 */
import { isValidNationalId, isValidOrganizationNumber, taskClosesAt, type IncomingFormOrder } from '@innboks/core';
import { errorIssue, type OutcomeIssue } from './operation-outcome.ts';
import { isNonEmptyString, isObject, readSingleIdentifier, type Fail } from './reading.ts';
import { formSystems, systems } from './systems.ts';
import { readRepresentativeAccess } from './representative-access.ts';

export type TaskParse = { ok: true; order: IncomingFormOrder } | { ok: false; issues: OutcomeIssue[] };

export function parseTaskOrder(body: unknown): TaskParse {
  const issues: OutcomeIssue[] = [];
  const fail: Fail = (code, message, expression) => issues.push(errorIssue(code, message, expression));
  if (!isObject(body) || body.resourceType !== 'Task') {
    return { ok: false, issues: [errorIssue('structure', 'The body must be a FHIR Task', 'Task.resourceType')] };
  }
  if (body.status !== 'requested') fail('value', 'status must be requested: a new order', 'Task.status');
  if (body.intent !== 'order') fail('value', 'intent must be order', 'Task.intent');
  const code = isObject(body.code) && Array.isArray(body.code.coding) ? body.code.coding : [];
  if (!code.some((coding) => isObject(coding) && coding.system === formSystems.sdcTemp && coding.code === 'complete-questionnaire')) {
    fail('value', `code must be ${formSystems.sdcTemp}|complete-questionnaire`, 'Task.code');
  }
  const identifier = readSingleIdentifier(body.identifier, 'Task.identifier', "the sender's own id for this order", fail);
  const citizenNationalId = readIdentifierValue(body.for, 'Task.for.identifier', [systems.nationalId, systems.dNumber], isValidNationalId, 'a valid national id or D-number', fail);
  const requester = readIdentifierValue(body.requester, 'Task.requester.identifier', [systems.organizationNumber], isValidOrganizationNumber, 'a valid organisation number', fail);
  const questionnaire = readQuestionnaireInput(body.input, fail);
  const closesAt = readClosesAt(body.restriction, fail);
  const representativeAccess = readRepresentativeAccess(body.extension, 'Task', fail) ?? null;
  let description: string | null = null;
  if (body.description !== undefined) {
    if (!isNonEmptyString(body.description) || body.description.length > 2000) fail('value', 'description must be 1–2000 characters', 'Task.description');
    else description = body.description.trim();
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, order: { identifier: identifier!, citizenNationalId: citizenNationalId!, requesterOrganizationNumber: requester!, questionnaire: questionnaire!, closesAt: closesAt ?? null, description, representativeAccess } };
}

function readIdentifierValue(reference: unknown, where: string, allowed: string[], valid: (value: string) => boolean, what: string, fail: Fail): string | undefined {
  const identifier = isObject(reference) && isObject(reference.identifier) ? reference.identifier : undefined;
  if (!identifier) return void fail('required', `${where} is required`, where);
  if (!allowed.includes(String(identifier.system))) return void fail('value', `system must be ${allowed.join(' or ')}`, `${where}.system`);
  if (typeof identifier.value !== 'string' || !valid(identifier.value)) return void fail('value', `value must be ${what}`, `${where}.value`);
  return identifier.value;
}

function readQuestionnaireInput(input: unknown, fail: Fail): { url: string; version: string } | undefined {
  const where = 'Task.input[0].valueCanonical';
  const first: unknown = Array.isArray(input) ? input[0] : undefined;
  const canonical = isObject(first) ? first.valueCanonical : undefined;
  if (typeof canonical !== 'string') return void fail('required', 'input[0].valueCanonical (<url>|<version> of a published Questionnaire) is required', where);
  const separator = canonical.lastIndexOf('|');
  if (separator <= 0 || separator === canonical.length - 1) return void fail('value', 'valueCanonical must be <url>|<version>', where);
  return { url: canonical.slice(0, separator), version: canonical.slice(separator + 1) };
}

function readClosesAt(restriction: unknown, fail: Fail): Date | undefined {
  const end = isObject(restriction) && isObject(restriction.period) ? restriction.period.end : undefined;
  if (end === undefined) return undefined;
  const closesAt = typeof end === 'string' ? taskClosesAt(end) : undefined;
  if (!closesAt) fail('value', 'restriction.period.end must be a date or an instant with its offset', 'Task.restriction.period.end');
  return closesAt;
}
