/** Turns the bearer token into the sender's scoped repository, or answers 401/403. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { openSenderRepository, type Database, type SenderRepository } from '@innboks/db';
import { SenderAuthenticationError } from '../identity/index.ts';
import { FhirError, fhirErrors } from './fhir-error.ts';

export type SenderTokenVerifier = (authorization: string | undefined) => Promise<{ clientId: string; organizationNumber: string }>;

export async function authenticateSender(request: FastifyRequest, db: Kysely<Database>, verify: SenderTokenVerifier): Promise<SenderRepository> {
  const authorization = request.headers.authorization;
  let principal;
  try {
    principal = await verify(authorization);
  } catch (error) {
    if (error instanceof SenderAuthenticationError) throw fhirErrors.unauthenticated(Boolean(authorization));
    // The issuer could not be reached: our fault, not the sender's.
    throw FhirError.of(503, 'transient', 'The token issuer cannot be reached; try again shortly');
  }
  const repository = await openSenderRepository(db, principal);
  if (!repository) throw FhirError.of(403, 'forbidden', 'The client\'s organisation is not registered as a sender');
  return repository;
}
