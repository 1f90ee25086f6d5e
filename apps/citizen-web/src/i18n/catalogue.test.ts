import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { placeholders } from './format.ts';
import { nb } from './nb.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every string in a catalogue, keyed by its dotted path. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [childPath, text] of flatten(value, path)) entries.set(childPath, text);
  }
  return entries;
}

const master = flatten(nb);
const others = { en: flatten(en) };

describe('Message catalogue', () => {
  test('Bokmål has no empty strings', () => {
    const empty = [...master].filter(([, text]) => text.trim() === '').map(([path]) => path);
    expect(empty).toEqual([]);
  });

  for (const [language, catalogue] of Object.entries(others)) {
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
});
