/**
 * Who a request is, as its credential proved it: the one definition every scope is
 * built from (scopes.ts). A citizen and a staff member are proved by their web
 * session, a sender system by its access token.
 */
export type Principal =
  | { kind: 'citizen'; citizenId: string; nationalId: string; name: string }
  | { kind: 'staff'; staffId: string; name: string; hprNumber: string | null }
  | { kind: 'sender'; clientId: string; organizationNumber: string };
// A citizen acting for another person (a parent, a holder of a power of attorney) is
// one more case here, with whom it acts for beside who it is:
//   | { kind: 'representative'; citizenId: string; nationalId: string; name: string; representedCitizenId: string }
// `Scopes.citizen` then opens the represented person's CitizenScope for it, and
// `whoseDataFor` (citizen-scope.ts) is where that choice is made.

export type PrincipalKind = Principal['kind'];
export type PrincipalOf<Kind extends PrincipalKind> = Extract<Principal, { kind: Kind }>;
