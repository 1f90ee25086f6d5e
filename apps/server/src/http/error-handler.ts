/**
 * One place that turns errors into answers: OperationOutcome on the sender API,
 * RFC 9457 problem details everywhere else. Unexpected errors are logged and
 * answered without internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorIssue, operationOutcome } from '@innboks/fhir';
import { FhirError } from './fhir-error.ts';
import { HttpProblem } from './problem.ts';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const isFhir = request.url.startsWith('/fhir/');
    if (error instanceof FhirError) {
      return reply.code(error.status).headers(error.headers).type('application/fhir+json').send(error.body);
    }
    if (error instanceof HttpProblem) {
      return reply.code(error.status).headers(error.headers).type('application/problem+json').send(error.toJSON(request.url));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        field: fieldName(issue.instancePath, issue.params),
        message: issue.message ?? 'Ugyldig verdi',
      }));
      const problem = new HttpProblem(400, 'Ugyldig forespørsel', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
      return reply.code(400).type('application/problem+json').send(problem.toJSON(request.url));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message = status >= 500 ? 'Noe gikk galt. Prøv igjen senere.' : error.message;
    if (isFhir) {
      const code = status === 413 ? 'too-long' : status >= 500 ? 'exception' : 'structure';
      return reply.code(status).type('application/fhir+json').send(operationOutcome([errorIssue(code, message, status < 500 ? 'Communication' : undefined)]));
    }
    return reply.code(status).type('application/problem+json').send(new HttpProblem(status, status >= 500 ? 'Intern feil' : 'Ugyldig forespørsel', message).toJSON(request.url));
  });
}

function fieldName(instancePath: string, params: Record<string, unknown> | undefined): string {
  const fromPath = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (fromPath) return fromPath;
  const issue = params?.issue as { path?: unknown[] } | undefined;
  return issue?.path?.map(String).join('.') || 'body';
}
