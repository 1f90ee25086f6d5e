/**
 * The guards: Fastify preHandlers that turn a request's credential — a citizen's or a
 * staff member's web session, a sender's bearer token — into its principal and the
 * principal into its scope (`Scopes`, packages/db), or answer 401/403. Routes get
 * these and the scope, never the database handle; the guards are made once, in app.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RepresentationCheck } from './representation-check.ts';
import type { Kysely } from 'kysely';
import { CitizenInbox, type CitizenFacingPrincipal, type CitizenSessionStore, type Database, type InboxPageRequest, type InboxScreen, type PrincipalOf, type Scopes } from '@innboks/db';
import { CitizenReads, type ReplicaReading } from './citizen-reads.ts';
import { problems } from '../http/problem.ts';
import { FhirError, fhirErrors } from '../http/fhir-error.ts';
import type { WebSessions } from '../identity/web-session/web-sessions.ts';
import { SenderAuthenticationError, type SenderIdentity } from '../identity/sender-token/verifier.ts';

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface Guards {
  /**
   * 401 problem unless the request has a live citizen session; then `citizenScope(request)`:
   * the citizen's own, or — when the session acts for another person and a relation
   * allows it at this moment — that person's, for the representative principal. A
   * relation that no longer holds answers 404 (as for a missing item) on every route.
   */
  citizen: Guard;
  /** As `citizen`, but always the citizen themselves: choosing whom to act for, and what is theirs alone. */
  citizenSelf: Guard;
  /**
   * As `citizen`, for routes that only read: the session and the scope are on the read
   * replica when one is configured and has what this browser wrote (citizen-reads.ts);
   * a statement that writes through that scope fails (the replica is read-only).
   * Someone acting for another gets the primary: their reads are recorded.
   */
  citizenReadOnly: Guard;
  /**
   * A `citizenReadOnly` route's reads: when they were on the replica and it fails
   * during them (it went down after the session was read), once more on the primary,
   * with `citizenScope(request)` now the primary's. Only for reads: they run twice.
   */
  readOnly<T>(request: FastifyRequest, read: () => Promise<T>): Promise<T>;
  /** 401 problem unless the request has a live staff session; then `staffScope(request)`. */
  staff: Guard;
  /**
   * As `staff`, but only for an operator (`staff_member.operator`): every other staff
   * member gets 404, as if the operator's routes did not exist; then `operatorScope(request)`.
   */
  operator: Guard;
  /** FHIR 401 without a valid bearer token, 403 for an organisation not registered as a sender; then `senderScope(request)`. */
  sender: Guard;
  /**
   * The citizen guard and the inbox screen in one statement (the session lookup joined
   * to the page and unread counts): 401 unless the session is live, then that
   * session's citizen's screen, and `citizenScope(request)` as after `citizen`. Read
   * from the replica as for `citizenReadOnly`.
   */
  inboxScreen(request: FastifyRequest, reply: FastifyReply, page: InboxPageRequest): Promise<InboxScreen>;
}

export interface GuardDependencies {
  scopes: Scopes;
  /** Whom a citizen may act for now (register, powers of attorney, the rule table). */
  representation: RepresentationCheck;
  citizenSessions: WebSessions<PrincipalOf<'citizen'>>;
  /** For the inbox screen's statement, joined to the session lookup. */
  citizenSessionStore: CitizenSessionStore;
  /** The primary, for the WAL position after a citizen's write. */
  db: Kysely<Database>;
  /** A streaming replica for citizens' reads, when configured. */
  replicaReading?: ReplicaReading | undefined;
  staffSessions: WebSessions<PrincipalOf<'staff'>>;
  verifySenderToken: (authorization: string | undefined) => Promise<SenderIdentity>;
}

/** 401 for a request without a live session; the answer is not to be cached. */
function refuseWithoutSession(reply: FastifyReply): never {
  reply.header('Cache-Control', 'no-store');
  throw problems.unauthenticated();
}

export function registerGuards(app: FastifyInstance, dependencies: GuardDependencies): Guards {
  const { scopes, representation, citizenSessions, citizenSessionStore, staffSessions, verifySenderToken } = dependencies;
  app.decorateRequest('scope', null);
  const reads = new CitizenReads({ primary: dependencies.db, scopes, sessions: citizenSessions, store: citizenSessionStore, replica: dependencies.replicaReading });
  reads.register(app);
  /** Requests whose citizen scope reads the replica, with the principal to read the primary instead. */
  const onReplica = new WeakMap<FastifyRequest, PrincipalOf<'citizen'>>();

  /** The citizen's scope on the primary; what it writes (and any request but a GET) sends this browser's next reads to the primary until the replica has it. */
  function writingScope(request: FastifyRequest, principal: CitizenFacingPrincipal) {
    if (request.method !== 'GET' && request.method !== 'HEAD') reads.noteWrite(request);
    return scopes.citizen(principal, reads.writeWatcher(request));
  }

  /** The principal a citizen's login acts as for this request, checked now. */
  async function actingAs(login: PrincipalOf<'citizen'>): Promise<CitizenFacingPrincipal> {
    if (!login.actingForCitizenId) return login;
    const principal = await representation.actingPrincipal(login, login.actingForCitizenId);
    // Ended (a birthday, a power of attorney ended or run out): nothing of that person's is
    // found any more, until the citizen chooses again (GET /api/representation shows them).
    if (!principal) throw problems.notFound();
    return principal;
  }

  return {
    async citizen(request, reply) {
      const login = await citizenSessions.resolve(request);
      if (!login) refuseWithoutSession(reply);
      request.scope = writingScope(request, await actingAs(login));
    },

    async citizenSelf(request, reply) {
      const login = await citizenSessions.resolve(request);
      if (!login) refuseWithoutSession(reply);
      request.scope = writingScope(request, { ...login, actingForCitizenId: null });
    },

    async citizenReadOnly(request, reply) {
      const found = await reads.session(request, undefined, { prepared: true });
      if (!found) refuseWithoutSession(reply);
      request.scope = found.principal.actingForCitizenId ? writingScope(request, await actingAs(found.principal)) : found.scopes.citizen(found.principal);
      if (found.scopes !== scopes && !found.principal.actingForCitizenId) onReplica.set(request, found.principal);
    },

    async readOnly(request, read) {
      const principal = onReplica.get(request);
      if (!principal) return read();
      try {
        return await read();
      } catch (error) {
        if (!reads.replicaFailed(error)) throw error;
        onReplica.delete(request);
        request.scope = scopes.citizen(principal);
        return read();
      }
    },

    async staff(request, reply) {
      const principal = await staffSessions.resolve(request);
      if (!principal) refuseWithoutSession(reply);
      request.scope = scopes.staff(principal);
    },

    async operator(request, reply) {
      const principal = await staffSessions.resolve(request);
      if (!principal) refuseWithoutSession(reply);
      const scope = scopes.operator(principal);
      if (!scope) throw problems.notFound();
      request.scope = scope;
    },

    async sender(request) {
      const authorization = request.headers.authorization;
      let identity: SenderIdentity;
      try {
        identity = await verifySenderToken(authorization);
      } catch (error) {
        if (error instanceof SenderAuthenticationError) throw fhirErrors.unauthenticated(Boolean(authorization));
        // The issuer could not be reached: our fault, not the sender's.
        throw FhirError.of(503, 'transient', 'The token issuer cannot be reached; try again shortly');
      }
      const scope = await scopes.sender({ kind: 'sender', ...identity });
      if (!scope) throw FhirError.of(403, 'forbidden', 'The client\'s organisation is not registered as a sender');
      request.scope = scope;
    },

    async inboxScreen(request, reply, page) {
      // A search is sent unprepared: its plan depends on the words.
      const found = await reads.session(request, (citizenId) => CitizenInbox.pageWithUnreadCountsSql(citizenId, page), { prepared: !page.query });
      if (!found) refuseWithoutSession(reply);
      if (found.principal.actingForCitizenId) {
        // Someone acting for another person: that person's screen, as the relation allows, recorded (on the primary).
        const scope = writingScope(request, await actingAs(found.principal));
        request.scope = scope;
        return scope.inbox.screen(page);
      }
      request.scope = found.scopes.citizen(found.principal);
      return CitizenInbox.screenFrom(found.row);
    },
  };
}
