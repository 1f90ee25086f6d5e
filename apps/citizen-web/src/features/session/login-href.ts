/**
 * Where login starts, and where it comes back to. A browser navigation, so the identity
 * provider can take over the page; the server checks `returnTo` again (same site only).
 */
const defaultReturnTo = '/innboks';

/** A path on this site, or the inbox: never `//host` or a full URL, whatever the state held. */
export function returnToFrom(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : defaultReturnTo;
}

/** `fresh`: ask the provider for a new login (`prompt=login`), not the one it remembers. */
export function loginHref(returnTo: unknown, { fresh = false } = {}): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnToFrom(returnTo))}${fresh ? '&prompt=login' : ''}`;
}

/** The location state a page that needs login leaves for the start page. */
export interface LoginState {
  returnTo: string;
}

export function returnToOfState(state: unknown): string | undefined {
  return typeof state === 'object' && state !== null && 'returnTo' in state ? returnToFrom((state as LoginState).returnTo) : undefined;
}
