/**
 * All a staff member may reach: their workspace, which checks membership and
 * enrolment on every call and writes an access-log row with every read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { StaffWorkspace } from '../repositories/municipal/staff-workspace.ts';
import type { PrincipalOf } from './principal.ts';

export class StaffScope {
  readonly audience = 'staff';
  readonly workspace: StaffWorkspace;

  constructor(
    db: Kysely<Database>,
    readonly principal: PrincipalOf<'staff'>,
    accessLogKey: string,
  ) {
    this.workspace = new StaffWorkspace(db, principal, accessLogKey);
  }

  /** True when a thread's assignee is the staff member this scope is for. */
  isMe(staffId: string): boolean {
    return staffId === this.principal.staffId;
  }
}
