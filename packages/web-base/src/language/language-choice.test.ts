import { describe, expect, test } from 'vitest';
import { firstLanguage, languageCookie, languageFromCookie, settleLanguage } from './language-choice.ts';

const nothing = { search: '', cookies: '', browserLanguages: [] };

test('with nothing known the page is in Bokmål', () => {
  expect(firstLanguage(nothing)).toBe('nb');
});

test('a browser set to Nynorsk opens the page in Nynorsk', () => {
  expect(firstLanguage({ ...nothing, browserLanguages: ['nn-NO', 'nb'] })).toBe('nn');
});

test('a choice remembered in this browser wins over the browser’s languages', () => {
  expect(firstLanguage({ ...nothing, cookies: 'innboks_csrf=x; innboks_lang=se', browserLanguages: ['en-GB'] })).toBe('se');
});

test('a ?lang= link wins over everything this browser knows', () => {
  expect(firstLanguage({ search: '?lang=en', cookies: 'innboks_lang=se', browserLanguages: ['nn'] })).toBe('en');
});

test('a language not offered in the link or the cookie is ignored', () => {
  expect(firstLanguage({ search: '?lang=sv', cookies: 'innboks_lang=de', browserLanguages: [] })).toBe('nb');
});

test('the remembered choice is read back from the cookie it is written as', () => {
  const written = languageCookie('nn').split(';')[0]!;
  expect(languageFromCookie(`a=b; ${written}`)).toBe('nn');
});

describe('once a logged-in citizen\'s saved choice arrives', () => {
  const facts = { page: 'nb', saved: null, chosenThisVisit: false, rememberedHere: false } as const;

  test('the saved choice is shown, and nothing is saved', () => {
    expect(settleLanguage({ ...facts, saved: 'nn', rememberedHere: true })).toEqual({ language: 'nn', save: false });
  });

  test('a language chosen on this visit (a ?lang= link) is shown and saved over the saved one', () => {
    expect(settleLanguage({ ...facts, page: 'se', saved: 'nn', chosenThisVisit: true })).toEqual({ language: 'se', save: true });
  });

  test('with nothing saved, this browser\'s choice is saved; the browser\'s settings alone are not', () => {
    expect(settleLanguage({ ...facts, page: 'en', rememberedHere: true })).toEqual({ language: 'en', save: true });
    expect(settleLanguage({ ...facts, page: 'en' })).toEqual({ language: 'en', save: false });
  });

  test('a choice already saved is not saved again', () => {
    expect(settleLanguage({ ...facts, page: 'se', saved: 'se', chosenThisVisit: true })).toEqual({ language: 'se', save: false });
  });
});
