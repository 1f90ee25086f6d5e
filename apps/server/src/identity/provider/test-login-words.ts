/**
 * The citizens' test login page in the visitor's language (language/request-language.ts:
 * the `innboks_lang` cookie the web apps write, else the browser's `Accept-Language`,
 * else Bokmål). The provider's other pages: provider-words.ts.
 */
import type { Language } from '@innboks/core';

export interface TestLoginWords {
  title: string;
  intro: string;
  persons: string;
  nationalId: string;
  securityLevel: string;
  levelHigh: string;
  levelSubstantial: string;
  login: string;
  loginAs: (name: string) => string;
  abort: string;
  error: string;
  elevenDigits: string;
  noSuchPerson: string;
}

export const testLoginWords: Readonly<Record<Language, TestLoginWords>> = {
  nb: {
    title: 'Testinnlogging – ikke ekte ID-porten',
    intro: 'Dette er en testinnlogging for utvikling og test. Her logger du inn som en oppdiktet testperson uten passord. Bruk aldri ekte personopplysninger.',
    persons: 'Testpersoner',
    nationalId: 'Fødselsnummer',
    securityLevel: 'Sikkerhetsnivå',
    levelHigh: 'Høyt (idporten-loa-high)',
    levelSubstantial: 'Betydelig (idporten-loa-substantial) – for å prøve avvisning',
    login: 'Logg inn',
    loginAs: (name) => `Logg inn som ${name}`,
    abort: 'Avbryt innloggingen',
    error: 'Feil',
    elevenDigits: 'Fødselsnummeret må ha 11 siffer.',
    noSuchPerson: 'Fant ingen testperson med dette fødselsnummeret. Velg en av testpersonene under.',
  },
  nn: {
    title: 'Testinnlogging – ikkje ekte ID-porten',
    intro: 'Dette er ei testinnlogging for utvikling og test. Her loggar du inn som ein oppdikta testperson utan passord. Bruk aldri ekte personopplysningar.',
    persons: 'Testpersonar',
    nationalId: 'Fødselsnummer',
    securityLevel: 'Tryggingsnivå',
    levelHigh: 'Høgt (idporten-loa-high)',
    levelSubstantial: 'Betydeleg (idporten-loa-substantial) – for å prøve avvising',
    login: 'Logg inn',
    loginAs: (name) => `Logg inn som ${name}`,
    abort: 'Avbryt innlogginga',
    error: 'Feil',
    elevenDigits: 'Fødselsnummeret må ha 11 siffer.',
    noSuchPerson: 'Fann ingen testperson med dette fødselsnummeret. Vel ein av testpersonane nedanfor.',
  },
  se: {
    title: 'Geahččalansisačáliheapmi – ii duohta ID-porten',
    intro: 'Dát lea geahččalansisačáliheapmi ovdánahttima ja geahččaleami várás. Dáppe čálát sisa hutkojuvvon geahččalanolmmožin beassansáni haga. Ale goassege geavat duohta persovdnadieđuid.',
    persons: 'Geahččalanolbmot',
    nationalId: 'Riegádannummir',
    securityLevel: 'Sihkarvuođadássi',
    levelHigh: 'Alla (idporten-loa-high)',
    levelSubstantial: 'Mearkkašahtti (idporten-loa-substantial) – hilgoma geahččaleapmái',
    login: 'Čálit sisa',
    loginAs: (name) => `Čálit sisa: ${name}`,
    abort: 'Gaskkalduhte sisačáliheami',
    error: 'Meattáhus',
    elevenDigits: 'Riegádannummiris galget leat 11 loahku.',
    noSuchPerson: 'Ii gávdnon geahččalanolmmoš dáinna riegádannummiriin. Vállje ovtta geahččalanolbmuin vuolábealde.',
  },
  en: {
    title: 'Test login – not the real ID-porten',
    intro: 'This is a test login for development and testing. Here you log in as a made-up test person without a password. Never use real personal data.',
    persons: 'Test persons',
    nationalId: 'National identity number',
    securityLevel: 'Security level',
    levelHigh: 'High (idporten-loa-high)',
    levelSubstantial: 'Substantial (idporten-loa-substantial) – to try the refusal',
    login: 'Log in',
    loginAs: (name) => `Log in as ${name}`,
    abort: 'Cancel the login',
    error: 'Error',
    elevenDigits: 'The national identity number must have 11 digits.',
    noSuchPerson: 'No test person has this national identity number. Choose one of the test persons below.',
  },
};
