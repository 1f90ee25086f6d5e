/**
 * The forms page's language, by the citizen app's own rules (`@innboks/web-base/language-choice`):
 * it opens in a `?lang=` link's language, else the `innboks_lang` cookie's, else the
 * browser's, else Bokmål; for a logged-in citizen the saved choice (GET /api/language)
 * then settles it as it does in the inbox, so a citizen who chose Nynorsk there fills in
 * the form in Nynorsk on any device.
 */
import { languageChoiceSchema, languageUpdateSchema, type Language } from '@innboks/contracts';
import { languageFromCookie, openingLanguage, rememberLanguage, settleLanguage, takeChosenThisVisit } from '@innboks/web-base/language-choice';
import { request } from '../http.ts';

export { openingLanguage };

/**
 * The language to show once the citizen's saved choice is known (`opening` while logged
 * out: a `?lang=` choice then stays marked for the login that follows). A choice this page
 * settles on is remembered in this browser, and saved when the inbox would save it.
 */
export async function formLanguage(opening: Language): Promise<Language> {
  let saved: Language | null;
  try {
    saved = (await request('/api/language', languageChoiceSchema)).language;
  } catch {
    return opening;
  }
  const settled = settleLanguage({
    page: opening,
    saved,
    chosenThisVisit: takeChosenThisVisit(),
    rememberedHere: languageFromCookie(document.cookie) !== undefined,
  });
  if (settled.language !== opening) rememberLanguage(settled.language);
  if (settled.save) {
    // If this fails the page stays in the language chosen; the next page follows the saved one.
    request('/api/language', languageChoiceSchema, { method: 'PUT', body: languageUpdateSchema.parse({ language: settled.language }) }).catch(() => undefined);
  }
  return settled.language;
}
