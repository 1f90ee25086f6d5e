/** FHIR OperationOutcome: the error body of the sender API. */
export type IssueCode =
  | 'invalid'
  | 'required'
  | 'value'
  | 'structure'
  | 'too-long'
  | 'business-rule'
  | 'duplicate'
  | 'not-found'
  | 'forbidden'
  | 'login'
  | 'security'
  | 'not-supported'
  | 'conflict'
  | 'processing'
  | 'exception'
  | 'transient'
  | 'informational';

export interface OutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: IssueCode;
  diagnostics: string;
  expression?: string[];
  /** A coded reason a program can act on, e.g. urn:innboks:code:refusal|reserved-against-research. */
  details?: { coding: { system: string; code: string }[] };
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OutcomeIssue[];
}

export function operationOutcome(issues: OutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function errorIssue(code: IssueCode, diagnostics: string, expression?: string): OutcomeIssue {
  return { severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) };
}
