/**
 * Router state an inbox row hands to the letter page, so "back to the inbox" returns to the
 * same category, search and view.
 */
export interface FromInboxState {
  inboxSearch: string;
}

export function fromInboxState(search: string): FromInboxState {
  return { inboxSearch: search };
}

/** The inbox URL to go back to; only a query string is taken from the state, never a path. */
export function inboxReturnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'inboxSearch' in state) {
    const { inboxSearch } = state;
    if (typeof inboxSearch === 'string' && (inboxSearch === '' || inboxSearch.startsWith('?'))) {
      return `/innboks${inboxSearch}`;
    }
  }
  return '/innboks';
}
