import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@innboks/contracts';
import { languageFromCookie, markChosenThisVisit, settleLanguage, takeChosenThisVisit, useLanguage } from '@innboks/web-base/language';
import { saveLanguage, savedLanguageKey, useSavedLanguage } from './api/language.ts';

export interface LanguageChoiceState {
  language: Language;
  choose: (language: Language) => void;
  /** The server did not take the choice; it holds in this browser only. */
  saveFailed: boolean;
}

/**
 * Keeps the page's language and the citizen's saved choice together: at login by
 * `settleLanguage` (the rule the forms app follows too), and every choice made while
 * logged in is saved.
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
    const settled = settleLanguage({
      page: language,
      saved: savedLanguage ?? null,
      chosenThisVisit: takeChosenThisVisit(),
      rememberedHere: languageFromCookie(document.cookie) !== undefined,
    });
    if (settled.language !== language) setLanguage(settled.language);
    if (settled.save) mutate(settled.language);
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
