import { expect, test } from 'vitest';
import { firstLanguage, languageCookie, languageFromCookie } from './language-choice.ts';

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
