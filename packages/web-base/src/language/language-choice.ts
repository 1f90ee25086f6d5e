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

const chosenKey = 'innboks.language-chosen';

/**
 * Marks the page's language as chosen on this visit (a `?lang=` link, the switch before
 * logging in), so the login that follows saves it rather than taking the saved one. Kept
 * for this tab only: it must last through the login's redirects and no longer.
 */
export function markChosenThisVisit(): void {
  try {
    window.sessionStorage.setItem(chosenKey, 'yes');
  } catch {
    // Without storage a choice before login is not carried through it; the saved one then wins.
  }
}

/** Whether the language was chosen on this visit; asking clears the mark. */
export function takeChosenThisVisit(): boolean {
  try {
    const chosen = window.sessionStorage.getItem(chosenKey) === 'yes';
    window.sessionStorage.removeItem(chosenKey);
    return chosen;
  } catch {
    return false;
  }
}
