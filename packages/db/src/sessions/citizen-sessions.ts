/**
 * The citizen's web sessions (`citizen_session`, joined to `citizen`). The lookup runs
 * on every citizen request, so it is plain SQL sent as a prepared statement, and the
 * inbox screen joins its read to it: one round trip for the whole screen.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Kysely } from 'kysely';
import type { Language } from '@innboks/core';
import { preparedStatement } from '../database.ts';
import type { Database } from '../schema.ts';
import type { PrincipalOf } from '../scopes/principal.ts';
import { WebSessionStore, type FoundSession } from './web-session-store.ts';
import { claimNationalIdSql } from '../repositories/citizens.ts';

export interface CitizenSessionRow {
  session_id: string;
  session_citizen_id: string;
  session_last_seen_at: Date;
  session_expires_at: Date;
  session_national_id: string;
  session_name: string;
  session_acting_for: string | null;
  session_language: Language | null;
}

/** The session's columns, named apart from those of a read joined to it. */
const sessionColumns =
  's.id as session_id, s.citizen_id as session_citizen_id, s.last_seen_at as session_last_seen_at, s.expires_at as session_expires_at, c.national_id as session_national_id, c.name as session_name, s.acting_for_citizen_id as session_acting_for, c.language as session_language';

/** A read for the session's citizen; it gets the citizen id as a column of the statement and must filter on it. */
export type CitizenRead<Row> = (citizenId: RawBuilder<string>) => RawBuilder<Row>;

/**
 * The session row (by its hashed id) and, for its citizen, a read joined to it: one
 * statement. The benchmark's raw ceiling runs the very same statement straight with `pg`.
 */
export function sessionWithReadSql<Row extends object = Record<never, never>>(
  sessionId: string,
  read: CitizenRead<Row> | undefined,
  options: { prepared: boolean },
): RawBuilder<CitizenSessionRow & Row> {
  const joined = read ? sql`, r.* from citizen_session s join citizen c on c.id = s.citizen_id left join lateral (${read(sql<string>`s.citizen_id`)}) as r on true` : sql` from citizen_session s join citizen c on c.id = s.citizen_id`;
  return sql<CitizenSessionRow & Row>`${sql.raw(options.prepared ? preparedStatement : '')}
      select ${sql.raw(sessionColumns)}${joined}
      where s.id = ${sessionId}`;
}

function found(row: CitizenSessionRow): FoundSession<PrincipalOf<'citizen'>> {
  return {
    lastSeenAt: row.session_last_seen_at,
    expiresAt: row.session_expires_at,
    principal: {
      kind: 'citizen',
      citizenId: row.session_citizen_id,
      nationalId: row.session_national_id,
      name: row.session_name,
      actingForCitizenId: row.session_acting_for,
      language: row.session_language,
    },
  };
}

export class CitizenSessionStore extends WebSessionStore<PrincipalOf<'citizen'>> {
  constructor(db: Kysely<Database>) {
    super(db, { session: 'citizen_session', subject: 'citizen_id', loginState: 'citizen_login_state' });
  }

  async find(id: string): Promise<FoundSession<PrincipalOf<'citizen'>> | undefined> {
    const { rows } = await sessionWithReadSql(id, undefined, { prepared: true }).execute(this.db);
    return rows[0] && found(rows[0]);
  }

  /**
   * The session and a read for its citizen in one statement. The row is given with the
   * session, live or not: the caller gives it on only for a live one. Search statements
   * are sent unprepared (`prepared: false`), as everywhere. Without a read, the session alone.
   */
  async findWith<Row extends object>(
    id: string,
    read: CitizenRead<Row> | undefined,
    options: { prepared: boolean },
    /** Where to read: this store's database, or another copy of it (a replica, read-replica.ts). */
    on: Kysely<Database> = this.db,
  ): Promise<(FoundSession<PrincipalOf<'citizen'>> & { row: Row }) | undefined> {
    const { rows } = await sessionWithReadSql(id, read, options).execute(on);
    return rows[0] && { ...found(rows[0]), row: rows[0] };
  }

  /** Whom the session acts for from now on (null: the citizen themselves); the guard checks the relation on every request. */
  async setActingFor(id: string, citizenId: string | null): Promise<void> {
    await this.db.updateTable('citizen_session').set({ acting_for_citizen_id: citizenId }).where('id', '=', id).execute();
  }

  /** The citizen a login names, made on first login (the name is kept from the first). */
  async subjectForLogin(nationalId: string, name: string): Promise<string> {
    // The directory first (it answers a citizen a letter made, or a new id), then the row.
    const { rows } = await sql<{ id: string }>`
      with ${claimNationalIdSql(nationalId)},
      made as (insert into citizen (id, national_id, name) select citizen_id, ${nationalId}, ${name} from claimed on conflict (id) do nothing)
      select citizen_id as id from claimed`.execute(this.db);
    return rows[0]!.id;
  }
}
