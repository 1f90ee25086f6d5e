/**
 * The one place a scope is made: from a verified principal, once per request. The
 * server's guards (apps/server/src/access) call these after checking the credential;
 * routes get the scope, never the database handle.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { DeliveryStore } from '../delivery/delivery-store.ts';
import type { DeliverySettings } from '../delivery/delivery-types.ts';
import { openSenderRepository } from '../repositories/sender-repository.ts';
import type { PrincipalOf } from './principal.ts';
import { CitizenScope, type CitizenFacingPrincipal } from './citizen-scope.ts';
import { StaffScope } from './staff-scope.ts';
import { SenderScope } from './sender-scope.ts';
import { OperatorScope } from './operator-scope.ts';
import { Representations } from '../representation/representations.ts';
import { systemClock, type Clock } from '@innboks/core';
import { WriteWatch } from '../replica/write-watch.ts';

export type Scope = CitizenScope | StaffScope | SenderScope | OperatorScope;

export class Scopes {
  private readonly delivery: DeliveryStore;

  constructor(
    private readonly db: Kysely<Database>,
    deliverySettings: DeliverySettings,
    /** Seals the staff access log (access-log-chain.ts); from configuration or the data dir, never the database. */
    private readonly accessLogKey: string,
    /** The time a representative's actions are recorded at. */
    private readonly clock: Clock = systemClock,
  ) {
    this.delivery = new DeliveryStore(db, deliverySettings);
    this.representations = new Representations(db);
  }

  /**
   * The stored facts of acting for others (people, powers of attorney, the log), for
   * the guard that builds a representative principal and for the citizen's own
   * representation pages; never a way into another person's items.
   */
  readonly representations: Representations;

  /** `onWrite`: told when a statement of the scope may have written (read-your-writes, replica/write-watch.ts). */
  citizen(principal: CitizenFacingPrincipal, onWrite?: () => void): CitizenScope {
    const db = onWrite ? this.db.withPlugin(new WriteWatch(onWrite)) : this.db;
    return new CitizenScope(db, this.delivery, principal, () => this.clock.now());
  }

  staff(principal: PrincipalOf<'staff'>): StaffScope {
    return new StaffScope(this.db, principal, this.accessLogKey);
  }

  /** Undefined unless the staff member is an operator: the operator's screen is theirs alone. */
  operator(principal: PrincipalOf<'staff'>): OperatorScope | undefined {
    return principal.operator ? new OperatorScope(this.db, this.delivery, principal, () => this.clock.now()) : undefined;
  }

  /** Undefined when the token's organisation is not registered as a sender. */
  async sender(principal: PrincipalOf<'sender'>): Promise<SenderScope | undefined> {
    const letters = await openSenderRepository(this.db, principal);
    return letters ? new SenderScope(this.db, principal, letters) : undefined;
  }
}
