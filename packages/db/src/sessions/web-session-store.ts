/**
 * The statements a web login keeps its state with, the same for every audience: a
 * session row (its id is the sha256 of the cookie's token) and a login in progress
 * (state, nonce and PKCE verifier between the redirect and the callback). Each
 * audience has its own tables and says how a session row names its principal.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CitizenLoginStateTable, Database } from '../schema.ts';

/** A stored session as the liveness rule needs it, with the principal it stands for. */
export interface FoundSession<P> {
  lastSeenAt: Date;
  expiresAt: Date;
  principal: P;
}

export interface NewSession {
  id: string;
  subjectId: string;
  /** The login's authentication level, where the audience keeps it. */
  acr?: string;
  idToken: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export type LoginState = Selectable<CitizenLoginStateTable>;

export interface SessionTables {
  session: 'citizen_session' | 'staff_session';
  /** The session's column naming the citizen or the staff member. */
  subject: 'citizen_id' | 'staff_id';
  loginState: 'citizen_login_state' | 'staff_login_state';
}

export abstract class WebSessionStore<P> {
  constructor(
    protected readonly db: Kysely<Database>,
    private readonly tables: SessionTables,
  ) {}

  /** The session with this id and its principal, live or not (the caller applies the liveness rule). */
  abstract find(id: string): Promise<FoundSession<P> | undefined>;

  async create(session: NewSession): Promise<void> {
    const columns: Record<string, unknown> = {
      id: session.id,
      [this.tables.subject]: session.subjectId,
      ...(session.acr === undefined ? {} : { acr: session.acr }),
      id_token: session.idToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    };
    const names = sql.join(Object.keys(columns).map((name) => sql.ref(name)));
    await sql`insert into ${sql.table(this.tables.session)} (${names}) values (${sql.join(Object.values(columns))})`.execute(this.db);
  }

  async touch(id: string, at: Date): Promise<void> {
    await sql`update ${sql.table(this.tables.session)} set last_seen_at = ${at} where id = ${id}`.execute(this.db);
  }

  /** Deletes the session; its ID token (for the provider's logout), if it had one. */
  async end(id: string): Promise<{ ended: boolean; idToken: string | undefined }> {
    const { rows } = await sql<{ id_token: string | null }>`delete from ${sql.table(this.tables.session)} where id = ${id} returning id_token`.execute(this.db);
    const row = rows[0];
    return { ended: row !== undefined, idToken: row?.id_token ?? undefined };
  }

  /** Saves a login in progress, and drops the ones that ran out. */
  async beginLogin(state: LoginState): Promise<void> {
    // Both audiences' login-state tables have the same columns (schema.ts), so one's type serves.
    const table = this.tables.loginState as 'citizen_login_state';
    await this.db.deleteFrom(table).where('expires_at', '<', state.created_at).execute();
    await this.db.insertInto(table).values(state).execute();
  }

  /** Takes a login in progress: it can be finished once. */
  async takeLogin(id: string): Promise<LoginState | undefined> {
    const table = this.tables.loginState as 'citizen_login_state';
    return this.db.deleteFrom(table).where('id', '=', id).returningAll().executeTakeFirst();
  }
}
