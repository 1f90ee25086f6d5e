import { createContext } from 'react';
import type { Language } from './languages.ts';

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'nb', setLanguage: () => undefined });
