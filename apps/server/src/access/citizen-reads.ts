/**
 * Where a citizen's reads go when a streaming replica is configured (`DATABASE_READ_URL`):
 * the inbox page, search and the appointment list read the session and the screen from
 * the replica, unless this browser has written something the replica has not applied
 * yet (read-your-writes) or the replica is down or too far behind — then the primary.
 * A replica that fails after the session was read from it (the appointment list's own
 * statements) has those reads run again on the primary (`guards.readOnly`).
 *
 * Read-your-writes: after a request that changed something of the citizen's (any
 * request through a citizen guard that is not GET/HEAD, and any whose scope ran a
 * statement that may write — opening a letter marks it read), the primary's WAL end is
 * set in a cookie; the next read goes to the replica only once it has applied that far.
 *
 * Why a cookie, not a map in the process: behind a load balancer the next request may
 * reach another process, which a map would not tell; the cookie comes along to any of
 * them, and no process keeps state. Its limits: it is per browser, not per citizen — the
 * same citizen on another device reads the replica's view, at most the lag bound behind;
 * a client that drops cookies gets no read-your-writes. It is not signed: it holds a WAL
 * position, no secret and no permission; a forged one can only send the sender's own
 * reads to the primary, where all their other reads go anyway. It lasts as long as the
 * lag bound: once that has passed, a replica within the bound has the write.
 *
 * Only the primary refuses a session: a replica may not yet have a login made a moment
 * ago, or have a last use older than the primary's, so a session the replica does not
 * find live is asked of the primary. A session ended by logout can still read from the
 * replica for as long as the replica lags (milliseconds; at most the bound).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { isReplicaTrouble, primaryWalEnd, type CitizenRead, type CitizenSessionStore, type Database, type PrincipalOf, type ReadReason, type ReadReplica, type ReadTarget, type Scopes, type WalPosition } from '@innboks/db';
import type { WebSessions } from '../identity/web-session/web-sessions.ts';

export const writtenCookie = 'innboks_written';

export interface ReplicaReading {
  replica: ReadReplica;
  /** Scopes on the replica's database. */
  scopes: Scopes;
  maxLagSeconds: number;
  secureCookies: boolean;
  /** Counts each read by where it went and why (the metric). */
  onRead?: (target: ReadTarget, reason: ReadReason) => void;
}

export interface CitizenReadsParts {
  primary: Kysely<Database>;
  scopes: Scopes;
  sessions: WebSessions<PrincipalOf<'citizen'>>;
  store: CitizenSessionStore;
  replica: ReplicaReading | undefined;
}

export interface SessionRead<Row> {
  principal: PrincipalOf<'citizen'>;
  row: Row;
  /** Where the read was made: a scope of these reads from the same copy. */
  scopes: Scopes;
}

export class CitizenReads {
  private readonly wrote = new WeakSet<FastifyRequest>();

  constructor(private readonly parts: CitizenReadsParts) {}

  /** Sets the cookie after a request that wrote (only with a replica: without one, every read is the primary's). */
  register(app: FastifyInstance): void {
    const replica = this.parts.replica;
    if (!replica) return;
    app.addHook('onSend', async (request, reply, payload) => {
      if (this.wrote.has(request)) {
        const end = await primaryWalEnd(this.parts.primary);
        reply.setCookie(writtenCookie, end.toString(16), { path: '/', httpOnly: true, sameSite: 'lax', secure: replica.secureCookies, maxAge: Math.max(1, Math.ceil(replica.maxLagSeconds)) });
      }
      return payload;
    });
  }

  /**
   * Whether this error of a read on the replica is the replica's trouble (down, a
   * conflict with recovery): then it is marked failed, counted, and the caller reads the
   * primary instead. Any other error is the read's own.
   */
  replicaFailed(error: unknown): boolean {
    if (!this.markedFailed(error)) return false;
    this.parts.replica?.onRead?.('primary', 'replica-failed');
    return true;
  }

  /** The replica is marked failed when the error is its trouble rather than the read's. */
  private markedFailed(error: unknown): boolean {
    const replica = this.parts.replica;
    if (!replica || !isReplicaTrouble(error)) return false;
    replica.replica.failed();
    return true;
  }

  /** This request changes something of the citizen's: its later reads must see it. */
  noteWrite(request: FastifyRequest): void {
    if (this.parts.replica) this.wrote.add(request);
  }

  /** For a scope: noted when one of its statements may write (none without a replica). */
  writeWatcher(request: FastifyRequest): (() => void) | undefined {
    return this.parts.replica ? () => this.wrote.add(request) : undefined;
  }

  /**
   * The request's live session and, for its citizen, `read` in the same statement —
   * on the replica when this browser may read there, else on the primary.
   */
  async session<Row extends object>(request: FastifyRequest, read: CitizenRead<Row> | undefined, options: { prepared: boolean }): Promise<SessionRead<Row> | undefined> {
    const { sessions, store, primary, scopes, replica } = this.parts;
    const onPrimary = (sessionId: string) => store.findWith(sessionId, read, options, primary);
    let reason: ReadReason = 'replica-down';
    if (replica) {
      const choice = await replica.replica.choose(writtenBy(request));
      reason = choice.reason;
      if (choice.target === 'replica') {
        try {
          const found = await sessions.resolveWith(request, (sessionId) => store.findWith(sessionId, read, options, replica.replica.db), onPrimary);
          replica.onRead?.(found?.fromElse ? 'primary' : 'replica', found?.fromElse ? 'session-not-on-replica' : 'replica');
          return found && { principal: found.principal, row: found.row, scopes: found.fromElse ? scopes : replica.scopes };
        } catch (error) {
          if (!this.markedFailed(error)) throw error;
          reason = 'replica-failed';
        }
      }
    }
    const found = await sessions.resolveWith(request, onPrimary);
    replica?.onRead?.('primary', reason);
    return found && { principal: found.principal, row: found.row, scopes };
  }
}

/** The WAL position of this browser's last write, from its cookie; none when absent or not one of ours. */
function writtenBy(request: FastifyRequest): WalPosition | undefined {
  const value = request.cookies?.[writtenCookie];
  return value && /^[0-9a-f]{1,16}$/.test(value) ? BigInt(`0x${value}`) : undefined;
}
