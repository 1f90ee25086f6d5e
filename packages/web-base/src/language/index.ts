export { LanguageProvider } from './LanguageProvider.tsx';
export { LanguageSelect, endonyms } from './LanguageSelect.tsx';
export { useLanguage, type LanguageState } from './language-context.ts';
export { languageFromCookie, markChosenThisVisit, takeChosenThisVisit } from './language-choice.ts';
