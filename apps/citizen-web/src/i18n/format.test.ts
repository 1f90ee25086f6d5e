import { describe, expect, test } from 'vitest';
import { format, placeholders } from './format.ts';

describe('Message formatting', () => {
  test('Fills named placeholders', () => {
    expect(format('Ring {name} på {phone}', { name: 'Veiledning', phone: '23 32 70 00' })).toBe(
      'Ring Veiledning på 23 32 70 00',
    );
  });

  test('Leaves a placeholder without a value visible', () => {
    expect(format('Treff for «{query}»', {})).toBe('Treff for «{query}»');
  });

  test('Lists placeholder names sorted', () => {
    expect(placeholders('{b} og {a}')).toEqual(['a', 'b']);
  });
});
