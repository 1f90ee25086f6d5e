import { useEffect, useMemo, useState, type ReactNode } from 'react';
import DesignsystemLanguageProvider from '@helsenorge/designsystem-react/utils/language';
import { LanguageContext } from './language-context.ts';
import { firstLanguage, languageCookie, languageFromLink, markChosenThisVisit } from './language-choice.ts';
import { locales, type Language } from './languages.ts';

function remember(language: Language): void {
  // A cookie, not local storage: it is there for logged-out pages and survives logging out.
  document.cookie = languageCookie(language);
}

function openingLanguage(): Language {
  const language = firstLanguage({ search: window.location.search, cookies: document.cookie, browserLanguages: navigator.languages });
  if (languageFromLink(window.location.search)) {
    remember(language);
    markChosenThisVisit();
  }
  return language;
}

/**
 * Holds the page's language, remembers a choice in this browser, keeps `<html lang>` in
 * step and gives the design system's components the same language.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(openingLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(
    () => ({
      language,
      setLanguage: (next: Language) => {
        setLanguageState(next);
        remember(next);
      },
    }),
    [language],
  );

  return (
    <LanguageContext value={value}>
      <DesignsystemLanguageProvider language={locales[language]}>{children}</DesignsystemLanguageProvider>
    </LanguageContext>
  );
}
