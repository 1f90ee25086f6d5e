/**
 * The embedded identity provider's own pages in the visitor's language (beside the
 * citizens' login page, test-login-words.ts): the staff test login, logging out, logged
 * out, a login that ran out of time, and the provider's errors. Sami terms:
 * docs/glossary-languages.md.
 */
import type { Language } from '@innboks/core';

export interface ProviderWords {
  staffLogin: {
    title: string;
    intro: string;
    persons: string;
    worksIn: (services: string) => string;
    noService: string;
    /** Before the rest: the person runs the service (the operator's screen). */
    operator: string;
    hprNumber: (hprNumber: string) => string;
    noSuchStaff: string;
  };
  logout: { title: string; heading: string; text: string; button: string };
  loggedOut: { title: string; text: string };
  expired: { title: string; text: string };
  unknownStep: string;
  error: { title: string; text: string; technical: string };
  home: string;
}

export const providerWords: Readonly<Record<Language, ProviderWords>> = {
  nb: {
    staffLogin: {
      title: 'Testinnlogging for ansatte – ikke ekte HelseID',
      intro: 'Dette er en testinnlogging for ansatte i kommunale helse- og omsorgstjenester, for utvikling og test. Her logger du inn som en oppdiktet ansatt uten passord.',
      persons: 'Testansatte',
      worksIn: (services) => `Arbeider i ${services}`,
      noService: 'Ikke medlem av noen tjeneste',
      operator: 'Driftsoperatør',
      hprNumber: (hprNumber) => `HPR-nummer ${hprNumber}`,
      noSuchStaff: 'Fant ingen testansatt med dette fødselsnummeret. Velg en av de ansatte under.',
    },
    logout: { title: 'Logg ut – testinnlogging', heading: 'Logg ut', text: 'Du logges nå ut av testinnloggingen.', button: 'Logg ut' },
    loggedOut: { title: 'Du er logget ut', text: 'Du er logget ut av testinnloggingen.' },
    expired: { title: 'Innloggingen er utløpt', text: 'Innloggingen tok for lang tid eller ble startet i en annen fane. Start på nytt.' },
    unknownStep: 'Ukjent steg i innloggingen',
    error: { title: 'Noe gikk galt i testinnloggingen', text: 'Gå til forsiden og logg inn på nytt.', technical: 'Feilmelding fra innloggingen' },
    home: 'Til forsiden',
  },
  nn: {
    staffLogin: {
      title: 'Testinnlogging for tilsette – ikkje ekte HelseID',
      intro: 'Dette er ei testinnlogging for tilsette i kommunale helse- og omsorgstenester, for utvikling og test. Her loggar du inn som ein oppdikta tilsett utan passord.',
      persons: 'Testtilsette',
      worksIn: (services) => `Arbeider i ${services}`,
      noService: 'Ikkje medlem av nokon teneste',
      operator: 'Driftsoperatør',
      hprNumber: (hprNumber) => `HPR-nummer ${hprNumber}`,
      noSuchStaff: 'Fann ingen testtilsett med dette fødselsnummeret. Vel ein av dei tilsette nedanfor.',
    },
    logout: { title: 'Logg ut – testinnlogging', heading: 'Logg ut', text: 'Du blir no logga ut av testinnlogginga.', button: 'Logg ut' },
    loggedOut: { title: 'Du er logga ut', text: 'Du er logga ut av testinnlogginga.' },
    expired: { title: 'Innlogginga har gått ut på tid', text: 'Innlogginga tok for lang tid eller vart starta i ei anna fane. Start på nytt.' },
    unknownStep: 'Ukjent steg i innlogginga',
    error: { title: 'Noko gjekk gale i testinnlogginga', text: 'Gå til framsida og logg inn på nytt.', technical: 'Feilmelding frå innlogginga' },
    home: 'Til framsida',
  },
  se: {
    staffLogin: {
      title: 'Bargiid geahččalansisačáliheapmi – ii duohta HelseID',
      intro: 'Dát lea geahččalansisačáliheapmi gieldda dearvvašvuođa- ja fuolahusbálvalusaid bargiide, ovdánahttima ja geahččaleami várás. Dáppe čálát sisa hutkojuvvon bargin beassansáni haga.',
      persons: 'Geahččalanbargit',
      worksIn: (services) => `Bargá: ${services}`,
      noService: 'Ii leat makkárge bálvalusa miellahttu',
      operator: 'Doaibmaoperatevra',
      hprNumber: (hprNumber) => `HPR-nummir ${hprNumber}`,
      noSuchStaff: 'Ii gávdnon geahččalanbargi dáinna riegádannummiriin. Vállje ovtta bargiin vuolábealde.',
    },
    logout: { title: 'Čálit olggos – geahččalansisačáliheapmi', heading: 'Čálit olggos', text: 'Dál čálihat olggos geahččalansisačáliheamis.', button: 'Čálit olggos' },
    loggedOut: { title: 'Don leat čálihan olggos', text: 'Don leat čálihan olggos geahččalansisačáliheamis.' },
    expired: { title: 'Sisačáliheami áigi lea nohkan', text: 'Sisačáliheapmi bisttii menddo guhká dahje álggahuvvui eará gilkoras. Álggat ođđasit.' },
    unknownStep: 'Dovdameahttun lávki sisačáliheamis',
    error: { title: 'Juoga manai boastut geahččalansisačáliheamis', text: 'Mana ovdasiidui ja čálit sisa ođđasit.', technical: 'Sisačáliheami meattáhusdiehtu' },
    home: 'Ovdasiidui',
  },
  en: {
    staffLogin: {
      title: 'Test login for staff – not the real HelseID',
      intro: 'This is a test login for staff of municipal health and care services, for development and testing. Here you log in as a made-up staff member without a password.',
      persons: 'Test staff',
      worksIn: (services) => `Works in ${services}`,
      noService: 'Not a member of any service',
      operator: 'Operator',
      hprNumber: (hprNumber) => `HPR number ${hprNumber}`,
      noSuchStaff: 'No test staff member has this national identity number. Choose one of the staff below.',
    },
    logout: { title: 'Log out – test login', heading: 'Log out', text: 'You are now being logged out of the test login.', button: 'Log out' },
    loggedOut: { title: 'You are logged out', text: 'You are logged out of the test login.' },
    expired: { title: 'The login has expired', text: 'The login took too long or was started in another tab. Start again.' },
    unknownStep: 'Unknown step in the login',
    error: { title: 'Something went wrong in the test login', text: 'Go to the front page and log in again.', technical: 'Error message from the login' },
    home: 'To the front page',
  },
};
