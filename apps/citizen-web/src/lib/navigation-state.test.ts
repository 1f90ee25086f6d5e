import { describe, expect, test } from 'vitest';
import { fromInboxState, inboxReturnPath } from './navigation-state.ts';

describe('Returning to the inbox', () => {
  test('Keeps the category and search the citizen came from', () => {
    expect(inboxReturnPath(fromInboxState('?category=gp&q=blod'))).toBe('/innboks?category=gp&q=blod');
  });

  test('Goes to the plain inbox without state', () => {
    expect(inboxReturnPath(null)).toBe('/innboks');
    expect(inboxReturnPath(undefined)).toBe('/innboks');
  });

  test('Ignores state that is not a query string', () => {
    expect(inboxReturnPath({ inboxSearch: '//evil.example' })).toBe('/innboks');
    expect(inboxReturnPath({ inboxSearch: 42 })).toBe('/innboks');
  });
});
