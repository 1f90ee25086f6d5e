/**
 * Whether this browser tab's login was already asked whom to act for. After login a
 * citizen with someone to act for is asked once (the inbox sends them to the chooser);
 * from then on they switch from the header. Kept per tab (sessionStorage), so a new
 * login in a new tab asks again; never the choice itself, which lives in the session.
 */
const key = 'innboks-person-asked';

export function choiceAsked(): boolean {
  try {
    return sessionStorage.getItem(key) === '1';
  } catch {
    return true;
  }
}

export function markChoiceAsked(): void {
  try {
    sessionStorage.setItem(key, '1');
  } catch {
    // Storage refused (private mode): the chooser is then simply not offered again.
  }
}
