/**
 * The languages a citizen can choose for pages, notices and printed letters: Norwegian in
 * both written forms (the Language Act), Northern Sami (the Sami Act) and English.
 * Bokmål is the fallback when nothing else is known.
 */
export const languages = ['nb', 'nn', 'se', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nb';

/** The BCP 47 locale `Intl` formats dates, times and numbers by. */
export const languageLocales: Readonly<Record<Language, 'nb-NO' | 'nn-NO' | 'se-NO' | 'en-GB'>> = {
  nb: 'nb-NO',
  nn: 'nn-NO',
  se: 'se-NO',
  en: 'en-GB',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The first offered language in a preference list (an `Accept-Language` header's tags,
 * or the browser's own list), by its primary subtag: `nn-NO` → nn, `no` → nb, `en-US` → en.
 */
export function preferredLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary === 'no' || primary === 'nb') return 'nb';
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}

/** The tags of an `Accept-Language` header, most wanted first (`q` weights honoured, `q=0` dropped). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { tag: tag.trim(), weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}
