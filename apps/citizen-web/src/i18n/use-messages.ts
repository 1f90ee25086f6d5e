import { useLanguage } from '@innboks/web-base/language';
import { catalogues, locales, type Language } from './languages.ts';
import type { Messages } from './nb.ts';

export interface MessagesInContext {
  m: Messages;
  language: Language;
  /** Locale for Intl formatting, e.g. `nb-NO`. */
  locale: string;
  setLanguage: (language: Language) => void;
}

/** The message catalogue for the current language (Bokmål unless the citizen chose otherwise). */
export function useMessages(): MessagesInContext {
  const { language, setLanguage } = useLanguage();
  return { m: catalogues[language], language, locale: locales[language], setLanguage };
}
