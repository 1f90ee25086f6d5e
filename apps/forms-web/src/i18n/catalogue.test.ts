/**
 * The forms app's catalogues, as the citizen app's are checked: every language has every
 * key of Bokmål (its own text and refero's), no empty string, the same placeholders.
 */
import { describe, expect, test } from 'vitest';
import { languages } from '@innboks/contracts';
import { formMessages, placeholders, referoResources } from './messages.ts';

const catalogues = { 'the frame': formMessages, "refero's text": referoResources } as const;

/** A catalogue as a plain table of texts (refero's `Resources` is an interface, with no index signature). */
const table = (catalogue: object): Readonly<Record<string, unknown>> => Object.fromEntries(Object.entries(catalogue));

for (const [name, byLanguage] of Object.entries(catalogues)) {
  const master = table(byLanguage.nb);
  describe(name, () => {
    for (const language of languages) {
      const catalogue = table(byLanguage[language]);
      test(`${language} has exactly the keys of Bokmål`, () => {
        expect(Object.keys(catalogue).sort()).toEqual(Object.keys(master).sort());
      });
      test(`${language} has no empty strings`, () => {
        expect(Object.entries(catalogue).filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)).toEqual([]);
      });
      test(`${language} uses the same placeholders as Bokmål`, () => {
        expect(Object.keys(master).filter((key) => placeholders(String(master[key])).join() !== placeholders(String(catalogue[key] ?? '')).join())).toEqual([]);
      });
    }
  });
}

test('refero has its text in every language, and the Sami months are those Intl writes for se-NO', () => {
  const months = new Intl.DateTimeFormat('se-NO', { month: 'long', timeZone: 'UTC' });
  expect(referoResources.se.dateLabel_june).toBe(months.format(new Date(Date.UTC(2026, 5, 15))));
  expect(referoResources.nn.formSend).toBe('Send inn');
  expect(referoResources.se.formSave).toBe('Vurke konseavtta');
});
