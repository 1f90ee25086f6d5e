import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@innboks/contracts';
import { languageFromCookie, markChosenThisVisit, takeChosenThisVisit, useLanguage } from '@innboks/web-base/language';
import { saveLanguage, savedLanguageKey, useSavedLanguage } from './api/language.ts';

export interface LanguageChoiceState {
  language: Language;
  choose: (language: Language) => void;
  /** The server did not take the choice; it holds in this browser only. */
  saveFailed: boolean;
}

/**
 * Keeps the page's language and the citizen's saved choice together. At login the saved
 * choice wins (so a second device follows), unless the language was chosen on this very
 * visit (a `?lang=` link, the switch on the start page), or none is saved yet and this
 * browser has a choice: then the page's language is saved. A language taken only from the
 * browser's settings is not saved. Every choice made while logged in is saved.
 */
export function useLanguageChoice(loggedIn: boolean): LanguageChoiceState {
  const { language, setLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const saved = useSavedLanguage(loggedIn);
  const save = useMutation({
    mutationFn: saveLanguage,
    onSuccess: (choice) => queryClient.setQueryData(savedLanguageKey, choice),
  });

  const savedLanguage = loggedIn ? saved.data?.language : undefined;
  const loaded = loggedIn && saved.isSuccess;
  const { mutate } = save;

  useEffect(() => {
    if (!loaded) return;
    const chosenNow = takeChosenThisVisit();
    if (savedLanguage && !chosenNow) {
      if (savedLanguage !== language) setLanguage(savedLanguage);
    } else if (savedLanguage !== language && (chosenNow || languageFromCookie(document.cookie))) {
      // Chosen on this visit, or in this browser before anything was saved: it becomes the saved choice.
      mutate(language);
    }
    // Only when the saved choice arrives: a later change of the page's language is a choice of its own.
  }, [loaded, savedLanguage]);

  return {
    language,
    choose: (next) => {
      setLanguage(next);
      if (loggedIn) mutate(next);
      else markChosenThisVisit();
    },
    saveFailed: save.isError,
  };
}
