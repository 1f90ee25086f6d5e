/** Turns the bearer token into the sender's scoped repository, or answers 401/403. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { openSenderRepository, type Database, type SenderRepository } from '@innboks/db';
import { FhirError, fhirErrors } from './fhir-error.ts';

export type SenderTokenVerifier = (authorization: string | undefined) => Promise<{ clientId: string; organizationNumber: string }>;

export async function authenticateSender(request: FastifyRequest, db: Kysely<Database>, verify: SenderTokenVerifier): Promise<SenderRepository> {
  const authorization = request.headers.authorization;
  let principal;
  try {
    principal = await verify(authorization);
  } catch {
    throw fhirErrors.unauthenticated(Boolean(authorization));
  }
  const repository = await openSenderRepository(db, principal);
  if (!repository) throw FhirError.of(403, 'forbidden', 'The client\'s organisation is not registered as a sender');
  return repository;
}
