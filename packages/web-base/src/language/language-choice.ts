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

/** Remembers a choice in this browser: a cookie, not local storage, so logged-out pages have it and it survives logging out. */
export function rememberLanguage(language: Language): void {
  document.cookie = languageCookie(language);
}

/**
 * The language a page of any of the web apps opens in (`firstLanguage` on this page's
 * link, cookie and browser). A `?lang=` link is a choice: it is remembered in this
 * browser and marked as made on this visit, so the login that follows saves it.
 */
export function openingLanguage(): Language {
  const language = firstLanguage({ search: window.location.search, cookies: document.cookie, browserLanguages: navigator.languages });
  if (languageFromLink(window.location.search)) {
    rememberLanguage(language);
    markChosenThisVisit();
  }
  return language;
}

export interface SettleFacts {
  /** The language the page shows now (it opened in `openingLanguage()`). */
  page: Language;
  /** The logged-in citizen's saved choice (`GET /api/language`), null until one is saved. */
  saved: Language | null;
  /** The language was chosen on this visit (`takeChosenThisVisit()`). */
  chosenThisVisit: boolean;
  /** This browser has a choice of its own (the cookie). */
  rememberedHere: boolean;
}

/**
 * Once a logged-in citizen's saved choice has arrived: the language to show, and whether
 * it is to be saved. The saved choice wins (so a second device follows), unless the
 * language was chosen on this very visit, or none is saved yet and this browser has a
 * choice: then the page's language is shown and saved. A language taken only from the
 * browser's settings is not saved.
 */
export function settleLanguage({ page, saved, chosenThisVisit, rememberedHere }: SettleFacts): { language: Language; save: boolean } {
  if (saved && !chosenThisVisit) return { language: saved, save: false };
  return { language: page, save: saved !== page && (chosenThisVisit || rememberedHere) };
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
