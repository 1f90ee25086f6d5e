import { languageLocales } from '@innboks/contracts';
import { useLanguage } from '@innboks/web-base/language';
import { catalogues } from './languages.ts';
import type { Messages } from './nb.ts';

/** The staff catalogue in the page's language, and the locale `Intl` formats by. */
export function useMessages(): { m: Messages; locale: string } {
  const { language } = useLanguage();
  return { m: catalogues[language], locale: languageLocales[language] };
}
