import type { Language } from '@innboks/contracts';
import { en } from './en.ts';
import { m as nb, type Messages } from './nb.ts';
import { nn } from './nn.ts';
import { se } from './se.ts';

/** One staff catalogue per offered language (the list is the domain's: packages/core/src/language). */
export const catalogues: Readonly<Record<Language, Messages>> = { nb, nn, se, en };
