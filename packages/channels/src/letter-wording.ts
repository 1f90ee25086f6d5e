/**
 * The printed letter's own words (everything but the sender's text and the address) in
 * the citizen's language; the date is written by `Intl` for that language.
 */
import { languageLocales, type Language } from '@innboks/core';

export interface LetterWording {
  sender: string;
  date: string;
  attachments: string;
  unprintable: (title: string) => string;
}

const wordings: Readonly<Record<Language, LetterWording>> = {
  nb: {
    sender: 'Avsender',
    date: 'Dato',
    attachments: 'Vedlegg',
    unprintable: (title) => `Vedlegget «${title}» kunne ikke skrives ut. Kontakt avsenderen for å få det.`,
  },
  nn: {
    sender: 'Avsendar',
    date: 'Dato',
    attachments: 'Vedlegg',
    unprintable: (title) => `Vedlegget «${title}» kunne ikkje skrivast ut. Kontakt avsendaren for å få det.`,
  },
  se: {
    sender: 'Sáddejeaddji',
    date: 'Beaivi',
    attachments: 'Mildosat',
    unprintable: (title) => `Mielddus «${title}» ii sáhttán čálihuvvot. Váldde oktavuođa sáddejeaddjiin vai oaččut dan.`,
  },
  en: {
    sender: 'From',
    date: 'Date',
    attachments: 'Attachments',
    unprintable: (title) => `The attachment “${title}” could not be printed. Contact the sender to get it.`,
  },
};

export function letterWording(language: Language): LetterWording {
  return wordings[language];
}

/** "10. juni 2026", "10 June 2026", Sami month names from `Intl` with `se`; the day in Oslo. */
export function letterDate(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(languageLocales[language], { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}
