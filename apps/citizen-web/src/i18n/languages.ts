import { en } from './en.ts';
import { nb, type Messages } from './nb.ts';

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

export const catalogues: Readonly<Record<Language, Messages>> = { nb, en };

/** BCP 47 locale for dates and numbers, and the design system's language code. */
export const locales: Readonly<Record<Language, string>> = { nb: 'nb-NO', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
