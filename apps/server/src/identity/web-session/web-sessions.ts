/**
 * A web session, the same for every audience: the cookie holds a random token and the
 * database its sha256 (`WebSessionStore`, packages/db); a session ends after idle time
 * or a maximum age, and its last use is written at most once a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '@innboks/core';
import type { FoundSession, WebSessionStore } from '@innboks/db';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

/** last_seen_at is written at most this often. */
const touchIntervalMs = 60_000;
/** A cookie longer than this is no token of ours. */
const maxTokenLength = 200;

/** A stored session's fate at `nowMs`: over (delete it), live and due a last_seen_at write, or live. */
export function sessionLiveness(session: { lastSeenAt: Date | string; expiresAt: Date | string }, nowMs: number, idleTimeoutSeconds: number): 'ended' | 'touch' | 'live' {
  const idleMs = nowMs - new Date(session.lastSeenAt).getTime();
  if (nowMs >= new Date(session.expiresAt).getTime() || idleMs > idleTimeoutSeconds * 1000) return 'ended';
  return idleMs >= touchIntervalMs ? 'touch' : 'live';
}

export interface WebSessionOptions {
  cookieName: string;
  clock: Clock;
  idleTimeoutSeconds: number;
  maxAgeSeconds: number;
}

/** Looks sessions up, ends them and refreshes them, for one audience; P is its principal. */
export class WebSessions<P> {
  private readonly resolved = new WeakMap<FastifyRequest, Promise<P | undefined>>();

  constructor(
    private readonly store: WebSessionStore<P>,
    readonly options: WebSessionOptions,
  ) {}

  /** The principal behind the request's session cookie, or undefined (ended sessions are deleted). Asked once per request. */
  resolve(request: FastifyRequest): Promise<P | undefined> {
    let pending = this.resolved.get(request);
    if (!pending) {
      const id = this.sessionIdOf(request);
      pending = id ? this.store.find(id).then((found) => this.admit(id, found)) : Promise.resolve(undefined);
      this.resolved.set(request, pending);
    }
    return pending;
  }

  /**
   * The session and a read for its principal in one statement of the caller's (`find`):
   * what it read is given back only when the session is live, by the same rule, ending
   * and touching as `resolve`. `orElse` is asked when `find` reads a copy that may be
   * behind (a replica) and finds no live session there: only it may refuse or end one.
   */
  async resolveWith<Row>(
    request: FastifyRequest,
    find: (sessionId: string) => Promise<(FoundSession<P> & { row: Row }) | undefined>,
    orElse?: (sessionId: string) => Promise<(FoundSession<P> & { row: Row }) | undefined>,
  ): Promise<{ principal: P; row: Row; fromElse: boolean } | undefined> {
    const id = this.sessionIdOf(request);
    if (!id) return undefined;
    let found = await find(id);
    let fromElse = false;
    if (orElse && (!found || sessionLiveness(found, this.options.clock.now().getTime(), this.options.idleTimeoutSeconds) === 'ended')) {
      found = await orElse(id);
      fromElse = true;
    }
    const principal = await this.admit(id, found);
    if (!principal || !found) return undefined;
    this.resolved.set(request, Promise.resolve(principal));
    return { principal, row: found.row, fromElse };
  }

  /** A new session's cookie token. */
  async create(subjectId: string, acr: string | undefined, idToken: string | undefined): Promise<string> {
    const token = randomToken();
    const now = this.options.clock.now();
    await this.store.create({
      id: sha256(token),
      subjectId,
      ...(acr === undefined ? {} : { acr }),
      idToken: idToken ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.maxAgeSeconds * 1000),
    });
    return token;
  }

  async endByToken(token: string | undefined): Promise<{ ended: boolean; idToken: string | undefined }> {
    if (!token || token.length > maxTokenLength) return { ended: false, idToken: undefined };
    return this.store.end(sha256(token));
  }

  /** The stored id of the request's session cookie (its SHA-256), if it carries a plausible one. */
  sessionIdOf(request: FastifyRequest): string | undefined {
    const token = request.cookies?.[this.options.cookieName];
    return token && token.length <= maxTokenLength ? sha256(token) : undefined;
  }

  /** A stored session's principal if it is live; an ended one is deleted, a live one touched when due. */
  private async admit(id: string, found: FoundSession<P> | undefined): Promise<P | undefined> {
    if (!found) return undefined;
    const now = this.options.clock.now().getTime();
    const liveness = sessionLiveness(found, now, this.options.idleTimeoutSeconds);
    if (liveness === 'ended') {
      await this.store.end(id);
      return undefined;
    }
    if (liveness === 'touch') await this.store.touch(id, new Date(now));
    return found.principal;
  }
}
