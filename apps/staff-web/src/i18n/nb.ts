import type { PluralForms } from '@innboks/web-base/plural';

/**
 * The staff workspace in Norwegian Bokmål: the master catalogue. Nynorsk, Northern Sami and
 * English (nn.ts, se.ts, en.ts) are declared `satisfies Messages`, so a missing key is a
 * type error. `{name}` marks a placeholder.
 */
/** BCP 47 locale for dates and numbers when no language is chosen. */
export const locale = 'nb-NO';

export const m = {
  appName: 'Innboks for ansatte',
  titleSuffix: 'Innboks for ansatte',
  skipToContent: 'Hopp til hovedinnhold',
  loading: 'Laster inn …',
  retry: 'Prøv igjen',
  genericError: 'Noe gikk galt. Prøv igjen om litt.',
  loggedInAs: 'Logget inn som {name}',
  logout: 'Logg ut',
  language: {
    label: 'Språk',
  },
  start: {
    title: 'Logg inn',
    heading: 'Innboks for ansatte',
    lead: 'Her leser og svarer ansatte i kommunale helse- og omsorgstjenester på meldinger fra innbyggere som mottar tjenesten.',
    needToKnow: 'Du ser bare meldinger til tjenestene du arbeider i, og bare fra innbyggere som mottar tjenesten. Hver gang du åpner en melding, blir det logget, og innbyggeren kan se loggen.',
    login: 'Logg inn med HelseID',
  },
  footer: {
    heading: 'Trenger du hjelp?',
    help: 'Spørsmål om tilgang til en tjeneste går til lederen din. Ved feil i Innboks for ansatte, kontakt brukerstøtten i kommunen.',
    privacy: 'Hver gang du åpner en samtale eller et vedlegg, blir det logget, og innbyggeren kan se hvem som har lest.',
  },
  services: {
    heading: 'Tjenestene dine',
    none: 'Du er ikke medlem av noen tjeneste. Kontakt lederen din for å få tilgang.',
    unanswered: { one: '{count} ubesvart', other: '{count} ubesvarte' } as PluralForms,
  },
  inbox: {
    title: 'Felles innboks',
    open: 'Åpne',
    closed: 'Lukkede',
    statusLabel: 'Vis samtaler',
    empty: 'Ingen samtaler her.',
    citizen: 'Innbygger',
    waiting: 'Venter på svar i {time}',
    justArrived: 'Ny, venter på svar',
    answered: 'Besvart',
    assignedTo: 'Tildelt {name}',
    assignedToMe: 'Tildelt deg',
    unassigned: 'Ikke tildelt',
    assignToMe: 'Tildel meg',
    lastActivity: 'Siste aktivitet',
    loadFailed: 'Vi kunne ikke hente samtalene. Prøv igjen.',
  },
  thread: {
    title: 'Samtale',
    back: 'Tilbake til innboksen',
    citizen: 'Innbygger',
    nationalId: 'Fødselsnummer',
    service: 'Tjeneste',
    status: 'Status',
    open: 'Åpen',
    closed: 'Lukket',
    assign: 'Tildel meg',
    release: 'Fjern tildeling',
    close: 'Lukk samtalen',
    confirmCloseHeading: 'Vil du lukke samtalen?',
    confirmCloseText: 'Innbyggeren ser at samtalen er avsluttet, og kan ikke svare i den. Vil innbyggeren skrive mer, starter hen en ny samtale.',
    confirmClose: 'Ja, lukk samtalen',
    cancel: 'Avbryt',
    closedNotice: 'Samtalen er lukket. Innbyggeren ser at den er avsluttet.',
    reopenedNotice: 'Samtalen er åpnet igjen.',
    closedNoAnswer: 'Samtalen er lukket. Åpne den igjen for å svare innbyggeren.',
    reopen: 'Åpne samtalen igjen',
    fromCitizen: 'Fra innbyggeren',
    answerBy: 'Skrevet av {name}',
    expected: 'Innbyggeren er lovet svar innen {day}.',
    attachments: 'Vedlegg',
    answerHeading: 'Svar innbyggeren',
    answerLabel: 'Svar',
    answerHint: 'Innbyggeren får varsel om svaret på SMS eller e-post, uten innholdet.',
    send: 'Send svar',
    sending: 'Sender …',
    sent: 'Svaret er sendt.',
    sendFailed: 'Svaret ble ikke sendt. Prøv igjen.',
    updated: 'Samtalen er oppdatert.',
    writeAnswer: 'Skriv et svar.',
    messagesLabel: 'Meldinger i samtalen',
    logged: 'Du åpnet denne samtalen. Det er logget, og innbyggeren kan se det.',
    notFound: 'Fant ikke samtalen. Den finnes ikke, eller du har ikke tilgang til den.',
    loadFailed: 'Vi kunne ikke hente samtalen. Prøv igjen.',
  },
  representation: {
    sentByFor: 'Sendt av {name} ({relation}) for {citizen}',
    relation: { FO: 'forelder', FU: 'fullmakt', VE: 'verge' },
  },
};

/** The shape every staff catalogue must have. */
export type Messages = typeof m;

export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}
