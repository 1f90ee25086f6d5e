/**
 * History state of the inbox. The search words are health details, so they are kept in
 * history state, never in the URL (which lands in history entries, proxies and logs);
 * category and view stay in the URL. An inbox row hands the letter page where it came
 * from, so "back to the inbox" returns to the same category, view and search.
 */
export interface InboxHistoryState {
  inboxQuery: string;
}

export interface FromInboxState {
  inboxSearch: string;
  inboxQuery?: string;
}

/** The state that keeps a search; none without one. */
export function inboxHistoryState(query: string | undefined): InboxHistoryState | undefined {
  return query ? { inboxQuery: query } : undefined;
}

/** The search kept in history state, if the state holds one. */
export function inboxQueryFrom(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && 'inboxQuery' in state && typeof state.inboxQuery === 'string') {
    return state.inboxQuery;
  }
  return undefined;
}

export function fromInboxState(search: string, query: string | undefined): FromInboxState {
  return { inboxSearch: search, ...inboxHistoryState(query) };
}

/** Where to go back to; only a query string is taken from the state, never a path. */
export function inboxReturn(state: unknown): { to: string; state: InboxHistoryState | undefined } {
  const back = inboxHistoryState(inboxQueryFrom(state));
  if (typeof state === 'object' && state !== null && 'inboxSearch' in state) {
    const { inboxSearch } = state;
    if (typeof inboxSearch === 'string' && (inboxSearch === '' || inboxSearch.startsWith('?'))) {
      return { to: `/innboks${inboxSearch}`, state: back };
    }
  }
  return { to: '/innboks', state: back };
}
