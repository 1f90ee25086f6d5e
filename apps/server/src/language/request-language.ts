/**
 * The language of a text the server writes itself (problem details, the test login's and
 * the identity provider's pages): the one rule, as the web apps apply it. A logged-in
 * citizen's saved choice first (so a second device answers in it), then the visitor's
 * choice in this browser (the `innboks_lang` cookie both web apps write), then the
 * browser's `Accept-Language`, then Bokmål.
 */
import type { FastifyRequest } from 'fastify';
import { acceptLanguageTags, defaultLanguage, isLanguage, preferredLanguage, type Language } from '@innboks/core';

/** The visitor's language when no saved choice is known: the cookie, then the browser's languages, then Bokmål. */
export function visitorLanguage(cookieHeader: string | undefined, acceptLanguage: string | undefined): Language {
  const chosen = /(?:^|;\s*)innboks_lang=([a-z]+)/.exec(cookieHeader ?? '')?.[1];
  if (isLanguage(chosen)) return chosen;
  return preferredLanguage(acceptLanguageTags(acceptLanguage)) ?? defaultLanguage;
}

/** The saved choice of the request's logged-in citizen, if any (null: logged in, nothing saved). */
export type SavedLanguageOf = (request: FastifyRequest) => Promise<Language | null | undefined>;

/**
 * Made once per app, before the web sessions exist (the error handler needs it first);
 * `useSavedChoice` connects the citizen's sessions when they do.
 */
export class RequestLanguage {
  private savedChoiceOf: SavedLanguageOf = async () => undefined;

  useSavedChoice(savedChoiceOf: SavedLanguageOf): void {
    this.savedChoiceOf = savedChoiceOf;
  }

  async of(request: FastifyRequest): Promise<Language> {
    let saved: Language | null | undefined;
    try {
      saved = await this.savedChoiceOf(request);
    } catch (error) {
      // The database is what failed (a 500 on its way): the visitor's choice still tells the language.
      request.log.warn({ err: error }, 'the saved language could not be read');
    }
    return saved ?? visitorLanguage(request.headers.cookie, request.headers['accept-language']);
  }
}
