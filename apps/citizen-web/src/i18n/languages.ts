import { languageLocales, type Language } from '@innboks/contracts';
import { en } from './en.ts';
import { nb, type Messages } from './nb.ts';
import { nn } from './nn.ts';
import { se } from './se.ts';

export { languages, isLanguage, type Language } from '@innboks/contracts';

/** One catalogue per offered language (the list is the domain's; adding one: README, "Adding a language"). */
export const catalogues: Readonly<Record<Language, Messages>> = { nb, nn, se, en };

/** BCP 47 locale for dates and numbers, and the design system's language code. */
export const locales = languageLocales;
