import { describe, expect, test } from 'vitest';
import { languages } from '@innboks/core';
import { fill, problemTexts } from './problem-text.ts';

/** Every string of a catalogue by its path (`problems.notFound.title`), to compare languages. */
function strings(value: unknown, path = ''): Map<string, string> {
  if (typeof value === 'string') return new Map([[path, value]]);
  return new Map(Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => [...strings(inner, path ? `${path}.${key}` : key)]));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('The web API’s problem catalogues', () => {
  const master = strings(problemTexts.nb);

  test.each(languages.filter((language) => language !== 'nb'))('%s has every text of Bokmål, none empty, with the same placeholders', (language) => {
    const texts = strings(problemTexts[language]);
    expect([...texts.keys()].sort()).toEqual([...master.keys()].sort());
    for (const [path, text] of texts) {
      expect(text.trim(), path).not.toBe('');
      expect(placeholders(text), `${language} ${path}`).toEqual(placeholders(master.get(path)!));
      // "ikke" is Bokmål only: a text with it in another catalogue was left untranslated.
      expect(text, `${language} ${path}`).not.toMatch(/(?<!\p{L})ikke(?!\p{L})/iu);
    }
  });

  test('a date is written by the language’s locale in Oslo time, a number with its grouping', () => {
    const sentAt = new Date('2026-03-21T08:00:00Z');
    expect(fill('{sentAt}', { sentAt }, 'en')).toBe('21 March 2026 at 09:00');
    expect(fill('{sentAt}', { sentAt }, 'nb')).toMatch(/^21\. mars 2026/);
    expect(fill('høyst {maximum} tegn', { maximum: 4000 }, 'nb')).toBe('høyst 4\u00a0000 tegn');
    expect(fill('{missing} stays', {}, 'nb')).toBe('{missing} stays');
  });
});
