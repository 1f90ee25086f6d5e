/**
 * What a page says in its own words, and the words that give another language away:
 * for the browser test that walks the citizen app in each language.
 */
import type { Page } from 'playwright-core';
import type { Language } from '@innboks/contracts';

/**
 * Common words only one of the languages uses. A page in one language must show none of
 * the others' ("ikke" on a Nynorsk page is a Bokmål string left behind).
 */
export const wordsOnlyIn: Readonly<Record<Language, readonly string[]>> = {
  nb: ['ikke', 'noe', 'meldinger', 'meldingene', 'hva', 'hvem', 'hvordan', 'sykehuset', 'kommende', 'tidligere', 'åpent', 'trenger', 'tjenesten', 'timeavtaler', 'varslinger', 'hverdager', 'fra', 'hovedmeny', 'uleste', 'hovedinnhold'],
  nn: ['ikkje', 'noko', 'meldingar', 'kva', 'kven', 'korleis', 'sjukehus', 'sjukehuset', 'komande', 'tidlegare', 'ope', 'treng', 'tenesta', 'timeavtalar', 'varslingar', 'kvardagar', 'frå', 'hovudmeny'],
  se: ['dieđáhus', 'dieđáhusat', 'sisaboksa', 'čálit', 'buohcciviessu', 'áigemearrádusat', 'dárbbašatgo'],
  en: ['the', 'your', 'message', 'messages', 'appointments', 'hospital', 'log', 'help', 'open', 'weekdays'],
};

/** The other languages' give-away words found in `text`, as whole words. */
export function otherLanguagesWords(text: string, language: Language): string[] {
  const found: string[] = [];
  for (const [other, words] of Object.entries(wordsOnlyIn)) {
    if (other === language) continue;
    for (const word of words) {
      if (new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text)) found.push(`${other}: ${word}`);
    }
  }
  return found;
}

/**
 * Collects every string the page's API answers carried (subjects, senders, letter text,
 * names: the senders' words, in whatever language they wrote), so they can be told apart
 * from the app's own words. Call once per tab, before its pages load.
 */
export function collectApiStrings(page: Page): Set<string> {
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 3) strings.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  page.on('response', async (response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      walk(await response.json());
    } catch {
      // A body the page did not wait for: nothing of it was shown.
    }
  });
  return strings;
}

/**
 * The app's own words on the page: its text, title and accessible names (aria-label,
 * alt, placeholder) with every string from the API answers taken out.
 */
export async function ownWords(page: Page, apiStrings: Set<string>): Promise<string> {
  const shown = await page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [alt], [placeholder], [title]')].flatMap((element) =>
      ['aria-label', 'alt', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...names].join('\n');
  });
  // Longest first, so a subject is taken out whole before a shorter string inside it.
  return [...apiStrings].sort((a, b) => b.length - a.length).reduce((text, value) => text.split(value).join(' '), shown);
}
