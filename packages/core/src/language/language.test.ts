import { expect, test } from 'vitest';
import { acceptLanguageTags, preferredLanguage } from './language.ts';

test('a browser that asks for Nynorsk first gets Nynorsk', () => {
  expect(preferredLanguage(acceptLanguageTags('nn-NO,nn;q=0.9,nb;q=0.8,en;q=0.5'))).toBe('nn');
});

test('weights decide, not the order written', () => {
  expect(preferredLanguage(acceptLanguageTags('de;q=0.9,se;q=0.95,en;q=0.4'))).toBe('se');
});

test('"no" is read as Bokmål, and an English variant as English', () => {
  expect(preferredLanguage(['no'])).toBe('nb');
  expect(preferredLanguage(['en-US'])).toBe('en');
});

test('a list with no offered language gives none, so the caller falls back to Bokmål', () => {
  expect(preferredLanguage(acceptLanguageTags('de-DE,fr;q=0.8,*;q=0.1'))).toBeUndefined();
  expect(preferredLanguage(acceptLanguageTags(undefined))).toBeUndefined();
});

test('a language refused with q=0 is not chosen', () => {
  expect(preferredLanguage(acceptLanguageTags('se;q=0,en'))).toBe('en');
});
