/**
 * JSON bodies are kept as received as well as parsed: the Idempotency-Key check
 * compares the exact bytes a sender sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const rawBodies = new WeakMap<FastifyRequest, string>();

export function rawBodyOf(request: FastifyRequest): string {
  return rawBodies.get(request) ?? '';
}

export function registerJsonParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body as string;
    rawBodies.set(request, text);
    if (text.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = new Error('The body is not valid JSON') as Error & { statusCode: number; code: string };
      error.statusCode = 400;
      error.code = 'INVALID_JSON';
      done(error, undefined);
    }
  });
}
