/**
 * The web API's problem details in every language: the catalogues (nb the master) and
 * how a key and its values become words. Dates are written by the language's locale
 * in Oslo time.
 */
import { languageLocales, osloTimeZone, type Language } from '@innboks/core';
import { en } from './en.ts';
import { nb, type FieldMessageKey, type ProblemKey, type ProblemTexts } from './nb.ts';
import { nn } from './nn.ts';
import { se } from './se.ts';

export type { FieldMessageKey, ProblemKey, ProblemTexts };

export const problemTexts: Readonly<Record<Language, ProblemTexts>> = { nb, nn, se, en };

/** The values a text's `{placeholders}` take. */
export type TextParams = Readonly<Record<string, string | number | Date>>;

function written(value: string | number | Date, language: Language): string {
  if (value instanceof Date) {
    return new Intl.DateTimeFormat(languageLocales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: osloTimeZone }).format(value);
  }
  return typeof value === 'number' ? new Intl.NumberFormat(languageLocales[language]).format(value) : value;
}

/** `text` with each `{name}` replaced; a placeholder without a value stays as it is. */
export function fill(text: string, params: TextParams | undefined, language: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params?.[name] === undefined ? whole : written(params[name], language)));
}

export function problemText(language: Language, key: ProblemKey, params?: TextParams): { title: string; detail: string | undefined } {
  const entry: { title: string; detail?: string } = problemTexts[language].problems[key];
  return { title: fill(entry.title, params, language), detail: entry.detail === undefined ? undefined : fill(entry.detail, params, language) };
}

export function fieldText(language: Language, key: FieldMessageKey, params?: TextParams): string {
  return fill(problemTexts[language].fields[key], params, language);
}
