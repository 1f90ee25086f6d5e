import { useQuery } from '@tanstack/react-query';
import { languageChoiceSchema, languageUpdateSchema, type Language, type LanguageChoice } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';

export const savedLanguageKey = ['language'] as const;

/** GET /api/language: the logged-in citizen's saved choice, or null. */
export function getSavedLanguage(signal?: AbortSignal): Promise<LanguageChoice> {
  return request('/api/language', languageChoiceSchema, { signal });
}

/** PUT /api/language: saves the choice for every device, the notices and the letters. */
export function saveLanguage(language: Language): Promise<LanguageChoice> {
  return request('/api/language', languageChoiceSchema, { method: 'PUT', body: languageUpdateSchema.parse({ language }) });
}

export const useSavedLanguage = (loggedIn: boolean) =>
  useQuery({ queryKey: savedLanguageKey, queryFn: ({ signal }) => getSavedLanguage(signal), enabled: loggedIn, staleTime: Infinity });
