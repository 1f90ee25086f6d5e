import { isLanguage, preferredLanguage, type Language } from '@innboks/contracts';

/** Remembers a visitor's choice in this browser, logged in or not (the server keeps it per citizen too). */
export const languageCookieName = 'innboks_lang';

const oneYearSeconds = 365 * 24 * 60 * 60;

/** The language in a `document.cookie` string, if one was chosen in this browser. */
export function languageFromCookie(cookies: string): Language | undefined {
  for (const part of cookies.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === languageCookieName && isLanguage(value)) return value;
  }
  return undefined;
}

/** The `document.cookie` assignment that remembers a choice for a year on this site. */
export function languageCookie(language: Language): string {
  return `${languageCookieName}=${language}; Path=/; Max-Age=${oneYearSeconds}; SameSite=Lax`;
}

/** `?lang=se` in a link: how a first visit can open in a given language. */
export function languageFromLink(search: string): Language | undefined {
  const value = new URLSearchParams(search).get('lang');
  return isLanguage(value) ? value : undefined;
}

export interface FirstLanguageFacts {
  search: string;
  cookies: string;
  /** The browser's languages, most wanted first: what it sends as `Accept-Language`. */
  browserLanguages: readonly string[];
}

/**
 * The language a page opens in, before the server is asked: a `?lang=` link, then the
 * choice remembered in this browser, then the browser's languages, then Bokmål. A
 * logged-in citizen's saved choice replaces it as soon as it arrives.
 */
export function firstLanguage({ search, cookies, browserLanguages }: FirstLanguageFacts): Language {
  return languageFromLink(search) ?? languageFromCookie(cookies) ?? preferredLanguage(browserLanguages) ?? 'nb';
}
