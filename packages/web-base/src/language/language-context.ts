import { createContext, useContext } from 'react';
import type { Language } from '@innboks/contracts';

export interface LanguageState {
  language: Language;
  /** Shows the pages in `language` and remembers it in this browser. */
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'nb', setLanguage: () => undefined });

/** The page's language and the way to change it (inside `LanguageProvider`). */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
