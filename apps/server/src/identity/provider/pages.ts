/**
 * Server-rendered pages of the embedded test identity provider, in the visitor's language
 * with `<html lang>` to match: the citizens' login page (test-login-words.ts), the others
 * (provider-words.ts).
 * No inline script or style: the app's CSP is `script-src 'self'; style-src 'self'`,
 * so the look comes from /oidc/assets/identity.css and the one script (auto-continue
 * on logout) from /oidc/assets/logout.js.
 */
import type { Language } from '@innboks/core';
import { testLoginWords, type TestLoginWords } from './test-login-words.ts';
import { providerWords } from './provider-words.ts';

export const assetPaths = {
  css: '/oidc/assets/identity.css',
  logoutScript: '/oidc/assets/logout.js',
} as const;

export const identityCss = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
body { margin: 0; background: #f4f4f4; color: #1a1a1a; }
main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.warning { background: #fff4d6; border-left: 4px solid #b36b00; padding: .75rem 1rem; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input[type=text] { font-size: 1.1rem; padding: .5rem; width: 100%; max-width: 16rem; box-sizing: border-box; border: 2px solid #555; border-radius: 4px; }
input[aria-invalid=true] { border-color: #b00020; }
.error { color: #b00020; font-weight: 600; margin: .25rem 0 0; }
button { font-size: 1rem; padding: .6rem 1.2rem; margin-top: .75rem; border: 2px solid #00509e; border-radius: 4px; background: #00509e; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #00509e; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
ul.persons { list-style: none; padding: 0; }
ul.persons li { border-top: 1px solid #ddd; padding: .75rem 0; }
ul.persons button { margin-top: 0; }
.muted { color: #4a4a4a; }
`;

/** Submits the logout form at once when it carries data-auto-submit (the button stays as a fallback). */
export const logoutScript = `
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-auto-submit]');
  if (form) { form.submit(); }
});
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function page(title: string, body: string, extraHead = '', language: Language = 'nb'): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assetPaths.css}">
${extraHead}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface DemoPerson {
  nationalId: string;
  name: string;
  description?: string;
}

export interface LoginPageModel {
  action: string;
  abortUrl: string;
  persons: DemoPerson[];
  nationalId?: string;
  error?: string;
}

export const loginTitle = testLoginWords.nb.title;

export function renderLoginPage(model: LoginPageModel, language: Language = 'nb'): string {
  const words = testLoginWords[language];
  return renderTestLoginPage({
    title: words.title,
    intro: words.intro,
    listHeading: { id: 'persons-heading', text: words.persons },
    people: model.persons.map((person) => ({
      nationalId: person.nationalId,
      name: person.name,
      detail: `${words.nationalId} ${person.nationalId}${person.description ? ` – ${person.description}` : ''}`,
    })),
    extraFieldsHtml: `<label for="securityLevel">${escapeHtml(words.securityLevel)}</label>
<select id="securityLevel" name="securityLevel">
<option value="high" selected>${escapeHtml(words.levelHigh)}</option>
<option value="substantial">${escapeHtml(words.levelSubstantial)}</option>
</select>
`,
    form: model,
    words,
    language,
  });
}

/**
 * The test login page, for citizens (ID-porten's stand-in) and staff (HelseID's):
 * a national id field, optional extra fields, and one button per demo person.
 */
export function renderTestLoginPage(options: {
  title: string;
  intro: string;
  listHeading: { id: string; text: string };
  /** `detail`: plain text under the person's button. */
  people: { nationalId: string; name: string; detail: string }[];
  extraFieldsHtml?: string;
  form: { action: string; abortUrl: string; nationalId?: string | undefined; error?: string | undefined };
  /** The form's own words; Bokmål unless given. */
  words?: TestLoginWords;
  language?: Language;
}): string {
  const { form } = options;
  const words = options.words ?? testLoginWords.nb;
  const errorId = 'nationalId-error';
  const invalid = form.error !== undefined;
  const people = options.people.length
    ? `<section aria-labelledby="${options.listHeading.id}">
<h2 id="${options.listHeading.id}">${escapeHtml(options.listHeading.text)}</h2>
<ul class="persons">
${options.people
  .map(
    (person) => `<li>
<form method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="nationalId" value="${escapeHtml(person.nationalId)}">
<button type="submit">${escapeHtml(words.loginAs(person.name))}</button>
</form>
<p class="muted">${escapeHtml(person.detail)}</p>
</li>`,
  )
  .join('\n')}
</ul>
</section>`
    : '';
  return page(
    `${invalid ? `${words.error}: ` : ''}${options.title}`,
    `<h1>${escapeHtml(options.title)}</h1>
<p class="warning">${escapeHtml(options.intro)}</p>
<form method="post" action="${escapeHtml(form.action)}" novalidate>
<label for="nationalId">${escapeHtml(words.nationalId)}</label>
<input type="text" id="nationalId" name="nationalId" inputmode="numeric" autocomplete="off" spellcheck="false" maxlength="20"${
      form.nationalId ? ` value="${escapeHtml(form.nationalId)}"` : ''
    }${invalid ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''}>
${invalid ? `<p class="error" id="${errorId}">${escapeHtml(form.error ?? '')}</p>\n` : ''}${options.extraFieldsHtml ?? ''}<button type="submit">${escapeHtml(words.login)}</button>
</form>
${people}
<p><a href="${escapeHtml(form.abortUrl)}">${escapeHtml(words.abort)}</a></p>`,
    '',
    options.language,
  );
}

/**
 * The RP-initiated logout confirmation. `formHtml` is oidc-provider's hidden form
 * (id `op.logoutForm`, carrying its xsrf token); `logout=yes` ends the whole test
 * login session, so the next login asks who you are again. With `autoContinue` (a
 * valid id_token_hint was given) /oidc/assets/logout.js submits the form at once;
 * without script the "Logg ut" button does the same.
 */
export function renderLogoutPage(formHtml: string, autoContinue: boolean, language: Language = 'nb'): string {
  const words = providerWords[language].logout;
  const form = formHtml
    .replace('<form ', autoContinue ? '<form data-auto-submit="" ' : '<form ')
    .replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  return page(
    words.title,
    `<h1>${escapeHtml(words.heading)}</h1>
<p>${escapeHtml(words.text)}</p>
${form}
<button type="submit" form="op.logoutForm">${escapeHtml(words.button)}</button>`,
    autoContinue ? `<script src="${assetPaths.logoutScript}" defer></script>\n` : '',
    language,
  );
}

/** A page with a heading, a message, an optional link and, muted, an optional technical note (left in the words it came in). */
export function renderMessagePage(title: string, message: string, link?: { href: string; text: string }, language: Language = 'nb', note?: { label: string; text: string }): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${note ? `<p class="muted">${escapeHtml(note.label)}: <code>${escapeHtml(note.text)}</code></p>\n` : ''}${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`,
    '',
    language,
  );
}
