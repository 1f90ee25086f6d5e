/**
 * Acting for others (contract: packages/contracts/src/representation.ts). These routes
 * are the citizen's own (`guards.citizenSelf`): whoever they act for at the moment,
 * choosing, giving and ending go for the logged-in person. Who may act for whom is
 * decided by `RepresentationCheck` (apps/server/src/access), never here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PrincipalOf } from '@innboks/db';
import { actingForUpdateSchema, powerOfAttorneyRequestSchema, type Representation, type RepresentationLog } from '@innboks/contracts';
import { problem, problems } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';
import type { RepresentationCheck } from '../access/representation-check.ts';

export interface RepresentationRouteOptions {
  guards: Guards;
  representation: RepresentationCheck;
  /** Keeps the choice in the request's session (null: the citizen themselves). */
  chooseActingFor: (request: FastifyRequest, citizenId: string | null) => Promise<void>;
}

const idParams = z.object({ id: z.string() });

/** The logged-in citizen, as the self guard leaves them. */
function loginOf(request: FastifyRequest): PrincipalOf<'citizen'> {
  const principal = citizenScope(request).principal;
  if (principal.kind !== 'citizen') throw problems.unauthenticated();
  return principal;
}

export async function registerRepresentationRoutes(app: FastifyInstance, options: RepresentationRouteOptions): Promise<void> {
  const { guards, representation } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  /**
   * The whole picture; `acting` is whom the session acts for, if it still may. A choice
   * that no longer holds is dropped here, where the citizen sees it go (until then every
   * route answered 404 for it).
   */
  async function view(request: FastifyRequest, login: PrincipalOf<'citizen'>, actingForId: string | null): Promise<Representation> {
    const [{ candidates, ownAddressConfidential }, given, acting] = await Promise.all([
      representation.candidates(login),
      representation.given(login),
      actingForId ? representation.actingPrincipal(login, actingForId) : Promise.resolve(undefined),
    ]);
    if (actingForId && !acting) await options.chooseActingFor(request, null);
    return {
      self: { name: login.name },
      actingFor: acting ? { personId: acting.person.citizenId, name: acting.person.name, relation: acting.relation } : null,
      candidates: candidates.map((candidate) => ({
        personId: candidate.person.citizenId,
        name: candidate.person.name,
        relation: candidate.relation,
        available: candidate.available,
        powerId: candidate.power?.id ?? null,
        validUntil: candidate.power?.validUntil ?? null,
      })),
      ownAddressConfidential,
      powersGiven: given.map((power) => ({
        id: power.id,
        holderName: power.holder.name,
        givenAt: power.givenAt.toISOString(),
        validUntil: power.validUntil,
        endedAt: power.endedAt?.toISOString() ?? null,
      })),
    };
  }

  routes.get('/api/representation', { preHandler: guards.citizenSelf }, async (request): Promise<Representation> => {
    const login = loginOf(request);
    return view(request, login, login.actingForCitizenId ?? null);
  });

  routes.put('/api/representation/acting-for', { preHandler: guards.citizenSelf, schema: { body: actingForUpdateSchema } }, async (request): Promise<Representation> => {
    const login = loginOf(request);
    const personId = request.body.personId;
    // Anyone no relation allows now is "not found", like a person that does not exist.
    if (personId !== null && !(await representation.actingPrincipal(login, personId))) throw problems.notFound();
    await options.chooseActingFor(request, personId);
    return view(request, login, personId);
  });

  routes.post('/api/representation/powers', { preHandler: guards.citizenSelf, schema: { body: powerOfAttorneyRequestSchema } }, async (request, reply): Promise<Representation> => {
    const login = loginOf(request);
    const outcome = await representation.give(login, request.body.holderNationalId, request.body.validUntil ?? null);
    if (outcome.outcome === 'refused') throw problem(422, 'powerOfAttorneyRefused', { errors: [{ field: outcome.field, says: outcome.says }] });
    reply.code(201);
    return view(request, login, login.actingForCitizenId ?? null);
  });

  routes.delete('/api/representation/powers/:id', { preHandler: guards.citizenSelf, schema: { params: idParams } }, async (request): Promise<Representation> => {
    const login = loginOf(request);
    if (!(await representation.end(login, request.params.id))) throw problems.notFound();
    return view(request, login, login.actingForCitizenId ?? null);
  });

  routes.get('/api/representation/log', { preHandler: guards.citizenSelf }, async (request): Promise<RepresentationLog> => {
    const entries = await representation.log(loginOf(request));
    return {
      entries: entries.map((entry) => ({ at: entry.at.toISOString(), representativeName: entry.representativeName, relation: entry.relation, action: entry.action, objectKind: entry.objectKind })),
    };
  });
}
