/**
 * The web login's own pages (web-login.ts: a login that ran out of time, was cancelled,
 * failed or was refused) in the visitor's language. Sami terms: docs/glossary-languages.md.
 */
import type { Language } from '@innboks/core';

/** A page the login writes; `unavailable` and `providerFailed` have each audience's own message. */
export type LoginPageKey = 'unavailable' | 'expired' | 'cancelled' | 'providerFailed' | 'failed' | 'citizenLowLevel' | 'citizenNoNationalId' | 'staffLowLevel' | 'staffNotRegistered';

export interface LoginPageWords {
  pages: Record<LoginPageKey, { title: string; message?: string }>;
  audience: Record<'citizen' | 'staff', { unavailable: string; providerFailed: string; home: string }>;
  loginAgain: string;
  retry: string;
}

export const loginPageWords: Readonly<Record<Language, LoginPageWords>> = {
  nb: {
    pages: {
      unavailable: { title: 'Innloggingen er ikke tilgjengelig' },
      expired: { title: 'Innloggingen er utløpt', message: 'Innloggingen tok for lang tid eller ble startet i en annen nettleser. Prøv igjen.' },
      cancelled: { title: 'Innloggingen ble avbrutt', message: 'Du avbrøt innloggingen.' },
      providerFailed: { title: 'Innloggingen feilet' },
      failed: { title: 'Innloggingen feilet', message: 'Vi kunne ikke fullføre innloggingen. Prøv igjen.' },
      citizenLowLevel: { title: 'For lavt sikkerhetsnivå', message: 'Innboks krever innlogging på høyt sikkerhetsnivå (for eksempel BankID eller MinID med app). Logg inn på nytt med en slik metode.' },
      citizenNoNationalId: { title: 'Innloggingen manglet fødselsnummer', message: 'Innloggingstjenesten oppga ikke et gyldig fødselsnummer.' },
      staffLowLevel: { title: 'For lavt sikkerhetsnivå', message: 'Arbeidsflaten for ansatte krever innlogging med HelseID på sikkerhetsnivå 4.' },
      staffNotRegistered: { title: 'Du har ikke tilgang', message: 'Du er ikke registrert som ansatt i en kommunal helse- og omsorgstjeneste i Innboks. Kontakt lederen din.' },
    },
    audience: {
      citizen: { unavailable: 'Vi får ikke kontakt med innloggingstjenesten akkurat nå. Prøv igjen om litt.', providerFailed: 'Innloggingstjenesten svarte med en feil. Prøv igjen senere.', home: 'Til forsiden' },
      staff: { unavailable: 'Vi får ikke kontakt med HelseID akkurat nå. Prøv igjen om litt.', providerFailed: 'HelseID svarte med en feil. Prøv igjen senere.', home: 'Til forsiden for ansatte' },
    },
    loginAgain: 'Logg inn på nytt',
    retry: 'Prøv igjen',
  },
  nn: {
    pages: {
      unavailable: { title: 'Innlogginga er ikkje tilgjengeleg' },
      expired: { title: 'Innlogginga har gått ut på tid', message: 'Innlogginga tok for lang tid eller vart starta i ein annan nettlesar. Prøv igjen.' },
      cancelled: { title: 'Innlogginga vart avbroten', message: 'Du avbraut innlogginga.' },
      providerFailed: { title: 'Innlogginga gjekk ikkje' },
      failed: { title: 'Innlogginga gjekk ikkje', message: 'Vi kunne ikkje fullføre innlogginga. Prøv igjen.' },
      citizenLowLevel: { title: 'For lågt tryggingsnivå', message: 'Innboks krev innlogging på høgt tryggingsnivå (til dømes BankID eller MinID med app). Logg inn på nytt med ein slik metode.' },
      citizenNoNationalId: { title: 'Innlogginga mangla fødselsnummer', message: 'Innloggingstenesta gav ikkje eit gyldig fødselsnummer.' },
      staffLowLevel: { title: 'For lågt tryggingsnivå', message: 'Arbeidsflata for tilsette krev innlogging med HelseID på tryggingsnivå 4.' },
      staffNotRegistered: { title: 'Du har ikkje tilgang', message: 'Du er ikkje registrert som tilsett i ei kommunal helse- og omsorgsteneste i Innboks. Kontakt leiaren din.' },
    },
    audience: {
      citizen: { unavailable: 'Vi får ikkje kontakt med innloggingstenesta akkurat no. Prøv igjen om litt.', providerFailed: 'Innloggingstenesta svarte med ein feil. Prøv igjen seinare.', home: 'Til framsida' },
      staff: { unavailable: 'Vi får ikkje kontakt med HelseID akkurat no. Prøv igjen om litt.', providerFailed: 'HelseID svarte med ein feil. Prøv igjen seinare.', home: 'Til framsida for tilsette' },
    },
    loginAgain: 'Logg inn på nytt',
    retry: 'Prøv igjen',
  },
  se: {
    pages: {
      unavailable: { title: 'Sisačáliheapmi ii leat olamuttus' },
      expired: { title: 'Sisačáliheami áigi lea nohkan', message: 'Sisačáliheapmi bisttii menddo guhká dahje álggahuvvui eará neahttalohkkis. Geahččal fas.' },
      cancelled: { title: 'Sisačáliheapmi gaskkalduvvui', message: 'Don gaskkaldahtet sisačáliheami.' },
      providerFailed: { title: 'Sisačáliheapmi ii lihkostuvvan' },
      failed: { title: 'Sisačáliheapmi ii lihkostuvvan', message: 'Eat sáhttán čađahit sisačáliheami. Geahččal fas.' },
      citizenLowLevel: { title: 'Menddo vuollegis sihkarvuođadássi', message: 'Sisaboksa gáibida sisačáliheami alla sihkarvuođadásis (omd. BankID dahje MinID appain). Čálit sisa ođđasit dakkár vugiin.' },
      citizenNoNationalId: { title: 'Sisačáliheamis váilui riegádannummir', message: 'Sisačálihanbálvalus ii addán gustovaš riegádannummira.' },
      staffLowLevel: { title: 'Menddo vuollegis sihkarvuođadássi', message: 'Bargiid bargosadji gáibida sisačáliheami HelseID:in sihkarvuođadásis 4.' },
      staffNotRegistered: { title: 'Dus ii leat beassan', message: 'Don it leat registrerejuvvon gieldda dearvvašvuođa- ja fuolahusbálvalusa bargin Sisaboksas. Váldde oktavuođa iežat jođiheddjiin.' },
    },
    audience: {
      citizen: { unavailable: 'Eat oaččo oktavuođa sisačálihanbálvalusain dál. Geahččal fas veaháš maŋŋil.', providerFailed: 'Sisačálihanbálvalus vástidii meattáhusain. Geahččal fas maŋŋil.', home: 'Ovdasiidui' },
      staff: { unavailable: 'Eat oaččo oktavuođa HelseID:in dál. Geahččal fas veaháš maŋŋil.', providerFailed: 'HelseID vástidii meattáhusain. Geahččal fas maŋŋil.', home: 'Bargiid ovdasiidui' },
    },
    loginAgain: 'Čálit sisa ođđasit',
    retry: 'Geahččal fas',
  },
  en: {
    pages: {
      unavailable: { title: 'Login is not available' },
      expired: { title: 'The login has expired', message: 'The login took too long or was started in another browser. Please try again.' },
      cancelled: { title: 'The login was cancelled', message: 'You cancelled the login.' },
      providerFailed: { title: 'The login failed' },
      failed: { title: 'The login failed', message: 'We could not complete the login. Please try again.' },
      citizenLowLevel: { title: 'Security level too low', message: 'Innboks needs a login at a high security level (for example BankID or MinID with the app). Log in again with such a method.' },
      citizenNoNationalId: { title: 'The login gave no national identity number', message: 'The login service did not give a valid national identity number.' },
      staffLowLevel: { title: 'Security level too low', message: 'The staff workspace needs a login with HelseID at security level 4.' },
      staffNotRegistered: { title: 'You do not have access', message: 'You are not registered in Innboks as staff of a municipal health and care service. Contact your manager.' },
    },
    audience: {
      citizen: { unavailable: 'We cannot reach the login service right now. Please try again in a little while.', providerFailed: 'The login service answered with an error. Please try again later.', home: 'To the front page' },
      staff: { unavailable: 'We cannot reach HelseID right now. Please try again in a little while.', providerFailed: 'HelseID answered with an error. Please try again later.', home: 'To the staff front page' },
    },
    loginAgain: 'Log in again',
    retry: 'Try again',
  },
};
