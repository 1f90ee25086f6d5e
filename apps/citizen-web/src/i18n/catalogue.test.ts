import { describe, expect, test } from 'vitest';
import { placeholders } from './format.ts';
import { catalogues, languages, locales } from './languages.ts';
import { nb } from './nb.ts';

type Tree = { readonly [key: string]: string | Tree };

/** A counted phrase: its forms are keyed by plural category, and `other` is always there. */
function isPlural(value: Tree): boolean {
  return typeof value['other'] === 'string';
}

/** Every string in a catalogue by its dotted path; a counted phrase counts once, by its `other` form. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else if (isPlural(value)) entries.set(path, value['other'] as string);
    else for (const [childPath, text] of flatten(value, path)) entries.set(childPath, text);
  }
  return entries;
}

/** The counted phrases of a catalogue, by dotted path. */
function counted(tree: Tree, prefix = ''): Map<string, Tree> {
  const entries = new Map<string, Tree>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlural(value)) entries.set(path, value);
    else for (const [childPath, forms] of counted(value, path)) entries.set(childPath, forms);
  }
  return entries;
}

const master = flatten(nb);

describe('Message catalogue', () => {
  test('Bokmål has no empty strings', () => {
    const empty = [...master].filter(([, text]) => text.trim() === '').map(([path]) => path);
    expect(empty).toEqual([]);
  });

  for (const language of languages.filter((each) => each !== 'nb')) {
    const catalogue = flatten(catalogues[language]);
    describe(language, () => {
      test('has exactly the keys of Bokmål', () => {
        expect([...catalogue.keys()].sort()).toEqual([...master.keys()].sort());
      });

      test('has no empty strings', () => {
        const empty = [...catalogue].filter(([, text]) => text.trim() === '').map(([path]) => path);
        expect(empty).toEqual([]);
      });

      test('uses the same placeholder names as Bokmål', () => {
        const mismatched = [...master]
          .filter(([path, text]) => placeholders(text).join() !== placeholders(catalogue.get(path) ?? '').join())
          .map(([path]) => path);
        expect(mismatched).toEqual([]);
      });
    });
  }

  for (const language of languages) {
    test(`${language}: every counted phrase has a form for each plural category of the language, and no other`, () => {
      // Northern Sami counts one, two (the dual) and more; Norwegian and English one and more.
      const categories = new Intl.PluralRules(locales[language]).resolvedOptions().pluralCategories.slice().sort();
      const wrong = [...counted(catalogues[language])]
        .filter(([, forms]) => Object.keys(forms).sort().join() !== categories.join())
        .map(([path]) => path);
      expect(wrong).toEqual([]);
    });
  }

  test('Northern Sami has a dual: two messages take the dual verb', () => {
    expect(new Intl.PluralRules('se-NO').select(2)).toBe('two');
    expect(catalogues.se.inbox.showing.two).toContain('Čájehuvvoba');
  });
});
