import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@innboks/contracts';
import { languageFromCookie } from '../../i18n/language-choice.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { saveLanguage, savedLanguageKey, useSavedLanguage } from './api/language.ts';

export interface LanguageChoiceState {
  language: Language;
  choose: (language: Language) => void;
  /** The server did not take the choice; it holds in this browser only. */
  saveFailed: boolean;
}

/**
 * Keeps the page's language and the citizen's saved choice together. Logged in, the saved
 * choice wins (so a second device follows); a choice made before logging in, with none
 * saved yet, is saved then. Every choice made while logged in is saved.
 */
export function useLanguageChoice(loggedIn: boolean): LanguageChoiceState {
  const { language, setLanguage } = useMessages();
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
    if (savedLanguage) {
      if (savedLanguage !== language) setLanguage(savedLanguage);
      return;
    }
    const chosenHere = languageFromCookie(document.cookie);
    if (chosenHere) mutate(chosenHere);
    // Only when the saved choice arrives: a later change of the page's language is a choice of its own.
  }, [loaded, savedLanguage]);

  return {
    language,
    choose: (next) => {
      setLanguage(next);
      if (loggedIn) mutate(next);
    },
    saveFailed: save.isError,
  };
}
