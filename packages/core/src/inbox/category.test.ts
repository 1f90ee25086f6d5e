import { describe, expect, test } from 'vitest';
import { inboxCategoryFor } from './category.ts';

describe('Inbox category of a letter', () => {
  test('a hospital letter lands under Sykehus and a GP letter under Fastlege', () => {
    expect(inboxCategoryFor('hospital', 'appointment-letter')).toBe('hospital');
    expect(inboxCategoryFor('gp', 'message')).toBe('gp');
  });

  test('a municipal service message lands under Kommunen', () => {
    expect(inboxCategoryFor('municipal-service', 'message')).toBe('municipal');
  });

  test('surveys and research land together, whoever sends them', () => {
    expect(inboxCategoryFor('survey', 'letter')).toBe('research');
    expect(inboxCategoryFor('research', 'letter')).toBe('research');
    expect(inboxCategoryFor('hospital', 'research')).toBe('research');
  });

  test('a receipt for a form lands under Kvitteringer', () => {
    expect(inboxCategoryFor('forms', 'letter')).toBe('receipts');
    expect(inboxCategoryFor('hospital', 'form-receipt')).toBe('receipts');
  });
});
