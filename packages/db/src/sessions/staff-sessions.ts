/**
 * The staff member's web sessions (`staff_session`, joined to `staff_member`): who
 * they are, their name and HPR number are read from our own database on every request.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { PrincipalOf } from '../scopes/principal.ts';
import { WebSessionStore, type FoundSession } from './web-session-store.ts';

export class StaffSessionStore extends WebSessionStore<PrincipalOf<'staff'>> {
  constructor(db: Kysely<Database>) {
    super(db, { session: 'staff_session', subject: 'staff_id', loginState: 'staff_login_state' });
  }

  async find(id: string): Promise<FoundSession<PrincipalOf<'staff'>> | undefined> {
    const row = await this.db
      .selectFrom('staff_session')
      .innerJoin('staff_member', 'staff_member.id', 'staff_session.staff_id')
      .select(['staff_session.staff_id', 'staff_session.last_seen_at', 'staff_session.expires_at', 'staff_member.name', 'staff_member.hpr_number', 'staff_member.operator'])
      .where('staff_session.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      principal: { kind: 'staff', staffId: row.staff_id, name: row.name, hprNumber: row.hpr_number, operator: row.operator },
    };
  }

  /** The staff member a login names; undefined for someone not registered as staff. */
  async subjectForLogin(nationalId: string): Promise<string | undefined> {
    const staff = await this.db.selectFrom('staff_member').select('id').where('national_id', '=', nationalId).executeTakeFirst();
    return staff?.id;
  }
}
