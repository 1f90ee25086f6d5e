/**
 * The forms app's own text around the form, in the citizen app's four languages (refero's
 * text is in refero-<language>.ts). Bokmål is the master: every other language has its
 * keys (`FormMessages`), and `catalogue.test.ts` checks for empty strings and placeholders.
 * The domain terms are those of docs/glossary-languages.md.
 */
import type { Resources } from '@helsenorge/refero';
import type { Language } from '@innboks/contracts';
import { referoEn } from './refero-en.ts';
import { referoNb } from './refero-nb.ts';
import { referoNn } from './refero-nn.ts';
import { referoSe } from './refero-se.ts';

export { languageLocales as locales } from '@innboks/contracts';

const nb = {
  pageTitle: 'Skjema',
  titleSuffix: 'Innboks',
  loading: 'Henter skjemaet …',
  notFound: 'Vi fant ikke skjemaet. Det finnes ikke, eller du har ikke tilgang.',
  loginNeeded: 'Du må logge inn for å fylle ut skjemaet.',
  logIn: 'Logg inn',
  loadFailed: 'Skjemaet kunne ikke hentes. Prøv igjen om litt.',
  from: 'Fra {name}',
  closesAt: 'Frist {when}',
  draftSaved: 'Utkastet er lagret. Du kan fortsette senere, også på en annen enhet.',
  submitted: 'Skjemaet er sendt inn. Du finner kvitteringen under Kvitteringer i innboksen.',
  alreadySubmitted: 'Du har allerede sendt inn dette skjemaet.',
  expired: 'Fristen for dette skjemaet har gått ut, så det kan ikke lenger sendes inn.',
  cancelled: 'Avsenderen har trukket tilbake dette skjemaet, så det kan ikke sendes inn.',
  failed: 'Det gikk ikke å sende skjemaet',
  backToForms: 'Til Skjema',
  toReceipts: 'Til Kvitteringer',
};

export type FormMessages = typeof nb;

const nn: FormMessages = {
  pageTitle: 'Skjema',
  titleSuffix: 'Innboks',
  loading: 'Hentar skjemaet …',
  notFound: 'Vi fann ikkje skjemaet. Det finst ikkje, eller du har ikkje tilgang til det.',
  loginNeeded: 'Du må logge inn for å fylle ut skjemaet.',
  logIn: 'Logg inn',
  loadFailed: 'Skjemaet kunne ikkje hentast. Prøv igjen om litt.',
  from: 'Frå {name}',
  closesAt: 'Frist {when}',
  draftSaved: 'Utkastet er lagra. Du kan halde fram seinare, også på ei anna eining.',
  submitted: 'Skjemaet er sendt inn. Du finn kvitteringa under Kvitteringar i innboksen.',
  alreadySubmitted: 'Du har alt sendt inn dette skjemaet.',
  expired: 'Fristen for dette skjemaet har gått ut, så det kan ikkje sendast inn lenger.',
  cancelled: 'Avsendaren har trekt tilbake dette skjemaet, så det kan ikkje sendast inn.',
  failed: 'Det gjekk ikkje å sende skjemaet',
  backToForms: 'Til Skjema',
  toReceipts: 'Til Kvitteringar',
};

/** Names are not inflected in Sami sentences: "Label: {name}" (docs/glossary-languages.md). */
const se: FormMessages = {
  pageTitle: 'Skovvi',
  titleSuffix: 'Sisaboksa',
  loading: 'Viežžamin skovi …',
  notFound: 'Eat gávdnan skovi. Dat ii gávdno, dahje dus ii leat beassan dasa.',
  loginNeeded: 'Čálit sisa vai sáhtát deavdit skovi.',
  logIn: 'Čálit sisa',
  loadFailed: 'Eat sáhttán viežžat skovi. Geahččal fas veaháš maŋŋil.',
  from: 'Sáddejeaddji: {name}',
  closesAt: 'Áigemearri: {when}',
  draftSaved: 'Konseapta lea vurkejuvvon. Sáhtát joatkit maŋŋil, maiddái eará dihtoris dahje telefovnnas.',
  submitted: 'Skovvi lea sáddejuvvon. Duođaštusa gávnnat Duođaštusain sisaboksas.',
  alreadySubmitted: 'Don leat juo sáddet dán skovi.',
  expired: 'Dán skovi áigemearri lea nohkan, nu ahte dan ii sáhte šat sáddet.',
  cancelled: 'Sáddejeaddji lea gessán dán skovi ruovttoluotta, nu ahte dan ii sáhte sáddet.',
  failed: 'Skovvi ii sáddejuvvon',
  backToForms: 'Ruovttoluotta skoviide',
  toReceipts: 'Mana duođaštusaide',
};

const en: FormMessages = {
  pageTitle: 'Form',
  titleSuffix: 'Inbox',
  loading: 'Loading the form …',
  notFound: 'We could not find the form. It does not exist, or you do not have access.',
  loginNeeded: 'Log in to fill in the form.',
  logIn: 'Log in',
  loadFailed: 'The form could not be loaded. Try again shortly.',
  from: 'From {name}',
  closesAt: 'Deadline {when}',
  draftSaved: 'The draft is saved. You can continue later, also on another device.',
  submitted: 'The form is submitted. You find the receipt under Receipts in the inbox.',
  alreadySubmitted: 'You have already submitted this form.',
  expired: 'The deadline for this form has passed, so it can no longer be submitted.',
  cancelled: 'The sender has withdrawn this form, so it cannot be submitted.',
  failed: 'The form could not be sent',
  backToForms: 'To Forms',
  toReceipts: 'To Receipts',
};

export const formMessages: Readonly<Record<Language, FormMessages>> = { nb, nn, se, en };
export const referoResources: Readonly<Record<Language, Resources>> = { nb: referoNb, nn: referoNn, se: referoSe, en: referoEn };

/** Placeholder names in a text: `'Fra {name}'` → `['name']`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** Fills `{name}` placeholders; one without a value stays visible, so the gap is noticed. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
