export { LanguageProvider } from './LanguageProvider.tsx';
export { LanguageSelect, endonyms } from './LanguageSelect.tsx';
export { useLanguage, type LanguageState } from './language-context.ts';
export { languageFromCookie, markChosenThisVisit, settleLanguage, takeChosenThisVisit } from './language-choice.ts';
