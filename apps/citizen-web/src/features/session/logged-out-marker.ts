/**
 * "You are logged out" survives the trip through the identity provider's logout in the
 * tab's session storage: the provider sends the browser back to the start page, which
 * cannot otherwise tell a logout from a first visit.
 */
const key = 'innboks.loggedOut';

export function markLoggedOut(): void {
  try {
    sessionStorage.setItem(key, '1');
  } catch {
    // Storage refused (private mode): the start page just does not say it.
  }
}

/** True once after a logout in this tab; reading it clears it. */
export function takeLoggedOut(): boolean {
  try {
    const marked = sessionStorage.getItem(key) === '1';
    sessionStorage.removeItem(key);
    return marked;
  } catch {
    return false;
  }
}
