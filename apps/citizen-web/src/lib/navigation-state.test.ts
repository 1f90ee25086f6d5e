import { describe, expect, test } from 'vitest';
import { fromInboxState, inboxQueryFrom, inboxReturn } from './navigation-state.ts';

describe('Returning to the inbox', () => {
  test('Keeps the category in the URL and the search in history state', () => {
    expect(inboxReturn(fromInboxState('?category=gp', 'blod'))).toEqual({ to: '/innboks?category=gp', state: { inboxQuery: 'blod' } });
  });

  test('Goes to the plain inbox without state', () => {
    expect(inboxReturn(null)).toEqual({ to: '/innboks', state: undefined });
    expect(inboxReturn(undefined)).toEqual({ to: '/innboks', state: undefined });
  });

  test('Ignores state that is not a query string or a search', () => {
    expect(inboxReturn({ inboxSearch: '//evil.example' })).toEqual({ to: '/innboks', state: undefined });
    expect(inboxReturn({ inboxSearch: 42 })).toEqual({ to: '/innboks', state: undefined });
    expect(inboxQueryFrom({ inboxQuery: 42 })).toBeUndefined();
  });
});
