import { useEffect, useMemo, useState, type ReactNode } from 'react';
import DesignsystemLanguageProvider from '@helsenorge/designsystem-react/utils/language';
import { LanguageContext } from './language-context.ts';
import { openingLanguage, rememberLanguage } from './language-choice.ts';
import { languageLocales, type Language } from '@innboks/contracts';

/**
 * Holds the page's language, remembers a choice in this browser (one cookie for both web
 * apps), keeps `<html lang>` in step and gives the design system's components the same language.
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
        rememberLanguage(next);
      },
    }),
    [language],
  );

  return (
    <LanguageContext value={value}>
      <DesignsystemLanguageProvider language={languageLocales[language]}>{children}</DesignsystemLanguageProvider>
    </LanguageContext>
  );
}
