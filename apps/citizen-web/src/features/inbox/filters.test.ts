import { describe, expect, test } from 'vitest';
import { inboxHistoryState } from '../../lib/navigation-state.ts';
import { inboxSearch, parseInboxFilters } from './filters.ts';

describe('Inbox filters in the URL and history state', () => {
  test('Round-trip category and archive through the URL, the search through history state', () => {
    const filters = parseInboxFilters(new URLSearchParams('category=gp&archived=true'), inboxHistoryState('blodprøve'));
    expect(filters).toEqual({ category: 'gp', q: 'blodprøve', archived: true });
    expect(parseInboxFilters(new URLSearchParams(inboxSearch(filters)), inboxHistoryState(filters.q))).toEqual(filters);
  });

  test('Never put the search in the URL, nor read it from there', () => {
    expect(inboxSearch({ category: 'gp', q: 'blodprøve', archived: false })).toBe('?category=gp');
    expect(parseInboxFilters(new URLSearchParams('q=blodprøve'), null).q).toBeUndefined();
  });

  test('Ignore an unknown category and a blank search', () => {
    expect(parseInboxFilters(new URLSearchParams('category=dentist'), inboxHistoryState('  '))).toEqual({
      category: undefined,
      q: undefined,
      archived: false,
    });
  });

  test('Give an empty query string for the plain inbox', () => {
    expect(inboxSearch({ category: undefined, q: undefined, archived: false })).toBe('');
  });
});
