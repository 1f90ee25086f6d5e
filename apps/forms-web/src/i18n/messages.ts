/** The forms app's own text around the form (refero's text is in refero-nb.ts, refero-en.ts). */
import type { Resources } from '@helsenorge/refero';
import { referoEn } from './refero-en.ts';
import { referoNb } from './refero-nb.ts';

const nb = {
  loading: 'Henter skjemaet …',
  notFound: 'Vi fant ikke skjemaet. Det finnes ikke, eller du har ikke tilgang.',
  loginNeeded: 'Du må logge inn for å fylle ut skjemaet.',
  logIn: 'Logg inn',
  loadFailed: 'Skjemaet kunne ikke hentes. Prøv igjen om litt.',
  from: 'Fra',
  closesAt: 'Frist',
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

const en: FormMessages = {
  loading: 'Loading the form …',
  notFound: 'We could not find the form. It does not exist, or you do not have access.',
  loginNeeded: 'Log in to fill in the form.',
  logIn: 'Log in',
  loadFailed: 'The form could not be loaded. Try again shortly.',
  from: 'From',
  closesAt: 'Deadline',
  draftSaved: 'The draft is saved. You can continue later, also on another device.',
  submitted: 'The form is submitted. You find the receipt under Receipts in the inbox.',
  alreadySubmitted: 'You have already submitted this form.',
  expired: 'The deadline for this form has passed, so it can no longer be submitted.',
  cancelled: 'The sender has withdrawn this form, so it cannot be submitted.',
  failed: 'The form could not be sent',
  backToForms: 'To Forms',
  toReceipts: 'To Receipts',
};

export type FormLanguage = 'nb' | 'en';

/** The language the inbox chose (it keeps it under `innboks.language`); Bokmål otherwise. */
export function chosenLanguage(): FormLanguage {
  try {
    return window.localStorage.getItem('innboks.language') === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export const formMessages: Record<FormLanguage, FormMessages> = { nb, en };
export const referoResources: Record<FormLanguage, Resources> = { nb: referoNb, en: referoEn };
export const referoLanguage: Record<FormLanguage, string> = { nb: 'nb-NO', en: 'en-GB' };
