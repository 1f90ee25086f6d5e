/**
 * Who a request is, as its credential proved it: the one definition every scope is
 * built from (scopes.ts). A citizen and a staff member are proved by their web
 * session, a sender system by its access token.
 */
import type { Language, RepresentationRelation } from '@innboks/core';

export type Principal =
  | {
      kind: 'citizen';
      citizenId: string;
      nationalId: string;
      name: string;
      /** Whom the session chose to act for, not yet checked; the guard turns it into a `representative` or refuses. */
      actingForCitizenId?: string | null;
      /** The language they chose (read with the session, so texts the server writes follow it at no extra cost); null: none yet. */
      language?: Language | null;
    }
  | RepresentativePrincipal
  | { kind: 'staff'; staffId: string; name: string; hprNumber: string | null; /** May open the operator's screen (OperatorScope). */ operator: boolean }
  | { kind: 'sender'; clientId: string; organizationNumber: string };

/**
 * A citizen acting for another person (a parent, a holder of a power of attorney, a
 * guardian): who it is, and whom it acts for by which relation, as checked at this
 * request's moment. `Scopes.citizen` opens the represented person's scope for it
 * (`whoseDataFor`, citizen-scope.ts), with only the items the relation allows.
 */
export interface RepresentativePrincipal {
  kind: 'representative';
  citizenId: string;
  nationalId: string;
  name: string;
  relation: RepresentationRelation;
  person: { citizenId: string; nationalId: string; name: string; age: number };
}

export type PrincipalKind = Principal['kind'];
export type PrincipalOf<Kind extends PrincipalKind> = Extract<Principal, { kind: Kind }>;
