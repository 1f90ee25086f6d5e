import { describe, expect, test } from 'vitest';
import { languageLocales, languages } from '@innboks/contracts';
import { catalogues } from './languages.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every string by dotted path; a counted phrase (it has `other`) is kept whole. */
function flatten(tree: Tree, prefix = ''): Map<string, string | Tree> {
  const entries = new Map<string, string | Tree>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || typeof value['other'] === 'string') entries.set(path, value);
    else for (const [childPath, child] of flatten(value, path)) entries.set(childPath, child);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join();
const master = flatten(catalogues.nb);

describe('Staff catalogue', () => {
  for (const language of languages) {
    const catalogue = flatten(catalogues[language]);
    test(`${language}: the keys and placeholders of Bokmål, no empty text, and each plural category of the language`, () => {
      expect([...catalogue.keys()].sort()).toEqual([...master.keys()].sort());
      const categories = new Intl.PluralRules(languageLocales[language]).resolvedOptions().pluralCategories.slice().sort().join();
      for (const [path, value] of catalogue) {
        if (typeof value === 'string') {
          expect(value.trim(), path).not.toBe('');
          expect(placeholders(value), path).toBe(placeholders(master.get(path) as string));
        } else {
          expect(Object.keys(value).sort().join(), path).toBe(categories);
        }
      }
    });
  }
});
