/**
 * The small readers every FHIR resource parser shares: shape checks, and the one
 * business identifier a sender gives each resource. Each reports a problem through
 * `fail` with the FHIRPath of the element, so the OperationOutcome names it.
 */
import type { errorIssue } from './operation-outcome.ts';

export type Json = Record<string, unknown>;
export type Fail = (code: Parameters<typeof errorIssue>[0], message: string, expression: string) => void;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** Exactly one identifier with a system and a 1–200 character value; `purpose` says what it names. */
export function readSingleIdentifier(identifier: unknown, where: string, purpose: string, fail: Fail): { system: string; value: string } | undefined {
  if (!Array.isArray(identifier) || identifier.length === 0) {
    fail('required', `identifier (${purpose}) is required`, where);
    return undefined;
  }
  if (identifier.length > 1) {
    fail('value', 'exactly one identifier is accepted', where);
    return undefined;
  }
  const first: unknown = identifier[0];
  if (!isObject(first) || !isNonEmptyString(first.system)) {
    fail('required', 'identifier[0].system is required', `${where}[0].system`);
    return undefined;
  }
  if (!isNonEmptyString(first.value) || first.value.length > 200) {
    fail('required', 'identifier[0].value is required (1–200 characters)', `${where}[0].value`);
    return undefined;
  }
  return { system: first.system, value: first.value };
}
