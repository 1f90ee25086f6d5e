import { useEffect, useMemo, useState, type ReactNode } from 'react';
import DesignsystemLanguageProvider from '@helsenorge/designsystem-react/utils/language';
import { LanguageContext } from './language-context.ts';
import { isLanguage, locales, type Language } from './languages.ts';

const storageKey = 'innboks.language';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'nb';
  } catch {
    return 'nb';
  }
}

/** Holds the chosen language (default Bokmål), remembers it, and keeps `<html lang>` in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(
    () => ({
      language,
      setLanguage: (next: Language) => {
        setLanguageState(next);
        try {
          window.localStorage.setItem(storageKey, next);
        } catch {
          // Private mode may refuse storage; the choice then lasts for this page only.
        }
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
