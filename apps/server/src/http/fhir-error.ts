/** Errors of the sender API, answered as FHIR OperationOutcome. */
import { identifierOfOtherCitizenMessage } from '@innboks/core';
import { errorIssue, formSystems, operationOutcome, type IssueCode, type OutcomeIssue } from '@innboks/fhir';

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issues: OutcomeIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(issues.map((issue) => issue.diagnostics).join('; '));
  }

  static of(status: number, code: IssueCode, diagnostics: string, expression?: string, headers?: Record<string, string>) {
    return new FhirError(status, [errorIssue(code, diagnostics, expression)], headers);
  }

  get body() {
    return operationOutcome(this.issues);
  }
}

export const fhirErrors = {
  unauthenticated: (tokenGiven: boolean) =>
    FhirError.of(401, 'login', 'A valid bearer access token is required', undefined, {
      'www-authenticate': tokenGiven ? 'Bearer error="invalid_token"' : 'Bearer',
    }),
  notFound: (what: string) => FhirError.of(404, 'not-found', `${what} not found`),
  forbiddenOrganization: () =>
    FhirError.of(403, 'forbidden', 'You may send only as your own organisation', 'Communication.sender.identifier.value'),
  /** The one answer to an identifier reused for another citizen (core's identifierReuse), for every resource type. */
  identifierOfOtherCitizen: (expression: string) => FhirError.of(422, 'business-rule', identifierOfOtherCitizenMessage, expression),
  /** A research sender to a citizen who reserves against research: nothing is stored and nobody is notified. */
  reservedAgainstResearch: () =>
    new FhirError(422, [
      {
        ...errorIssue('business-rule', 'The citizen reserves against being contacted for research and other purposes than health care'),
        details: { coding: [{ system: formSystems.refusal, code: 'reserved-against-research' }] },
      },
    ]),
};
