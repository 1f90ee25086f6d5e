/**
 * One place that turns errors into answers: OperationOutcome on the sender API,
 * RFC 9457 problem details everywhere else, written in the request's language
 * (`RequestLanguage`). Unexpected errors are logged and answered without internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorIssue, operationOutcome } from '@innboks/fhir';
import type { RequestLanguage } from '../language/request-language.ts';
import { FhirError } from './fhir-error.ts';
import { HttpProblem, problem, problems, type FieldProblem } from './problem.ts';

export function registerErrorHandler(app: FastifyInstance, language: RequestLanguage): void {
  app.setErrorHandler(async (error: FastifyError | Error, request, reply) => {
    const isFhir = request.url.startsWith('/fhir/');
    if (error instanceof FhirError) {
      return reply.code(error.status).headers(error.headers).type('application/fhir+json').send(error.body);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (isFhir && !(error instanceof HttpProblem) && !hasZodFastifySchemaValidationErrors(error)) {
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      const code = status === 413 ? 'too-long' : status >= 500 ? 'exception' : 'structure';
      const message = status >= 500 ? 'Noe gikk galt. Prøv igjen senere.' : error.message;
      return reply.code(status).type('application/fhir+json').send(operationOutcome([errorIssue(code, message, status < 500 ? 'Communication' : undefined)]));
    }
    const answer = webProblem(error, status);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    const body = answer.render(await language.of(request), request.url);
    return reply.code(answer.status).headers(answer.headers).type('application/problem+json').send(body);
  });
}

/** The problem a web API error is answered with: its own, one naming each invalid field, or a plain one by status. */
function webProblem(error: FastifyError | Error, status: number): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return problems.badRequest(error.validation.map((issue) => fieldProblem(issue.instancePath, issue.keyword, issue.params, issue.message)));
  }
  if (status >= 500) return problem(status, 'internal');
  // Fastify's own refusals (a body too large, a wrong content type): a title in the language, the words for developers.
  return problem(status, 'invalidRequest', { detail: error.message });
}

/** A zod issue as a field's problem in the catalogue: what the code and its limits say. */
export function fieldProblem(instancePath: string, code: string, params: Record<string, unknown> | undefined, message: string | undefined): FieldProblem {
  const field = instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
  const origin = params?.origin;
  const maximum = Number(params?.maximum);
  const minimum = Number(params?.minimum);
  if (code === 'too_big') return origin === 'string' ? { field, says: 'tooLong', params: { maximum } } : { field, says: origin === 'array' ? 'tooMany' : 'tooBig', params: { maximum } };
  if (code === 'too_small') {
    if (origin === 'string') return minimum <= 1 ? { field, says: 'required' } : { field, says: 'tooShort', params: { minimum } };
    return { field, says: origin === 'array' ? 'tooFew' : 'tooSmall', params: { minimum } };
  }
  if (code === 'invalid_type' && /received undefined$/.test(message ?? '')) return { field, says: 'required' };
  return { field, says: 'invalid' };
}
