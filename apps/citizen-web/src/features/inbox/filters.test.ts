import { describe, expect, test } from 'vitest';
import { inboxSearch, parseInboxFilters } from './filters.ts';

describe('Inbox filters in the URL', () => {
  test('Round-trip category, search and archive', () => {
    const filters = parseInboxFilters(new URLSearchParams('category=gp&q=blodprøve&archived=true'));
    expect(filters).toEqual({ category: 'gp', q: 'blodprøve', archived: true });
    expect(parseInboxFilters(new URLSearchParams(inboxSearch(filters)))).toEqual(filters);
  });

  test('Ignore an unknown category and a blank search', () => {
    expect(parseInboxFilters(new URLSearchParams('category=dentist&q=%20%20'))).toEqual({
      category: undefined,
      q: undefined,
      archived: false,
    });
  });

  test('Give an empty query string for the plain inbox', () => {
    expect(inboxSearch({ category: undefined, q: undefined, archived: false })).toBe('');
  });
});
