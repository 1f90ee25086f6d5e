/** Namespaces, message types and code systems of MsgHead 1.2, Dialogmelding 1.1 and AppRec 1.0 (KITH / Helsedirektoratet). */
export const namespaces = {
  msgHead: 'http://www.kith.no/xmlstds/msghead/2006-05-24',
  dialogmelding: 'http://www.kith.no/xmlstds/dialog/2013-01-23',
  appRec: 'http://www.kith.no/xmlstds/apprec/2004-11-21',
  base64Container: 'http://www.kith.no/xmlstds/base64container',
} as const;

export const codeSystems = {
  /** Meldingens funksjon (MsgInfo/Type). */
  messageType: '2.16.578.1.12.4.1.1.8279',
  /** Identifikatortyper for organisasjoner (ENH, HER). */
  organisationIdType: '2.16.578.1.12.4.1.1.9051',
  /** Identifikatortyper for personer (FNR, DNR). */
  personIdType: '2.16.578.1.12.4.1.1.8116',
  /** Type forespørsel. */
  questionType: '2.16.578.1.12.4.1.1.7601',
  /** Tema for notat. */
  noteTopic: '2.16.578.1.12.4.1.1.7602',
  /** Status for applikasjonskvittering. */
  appRecStatus: '2.16.578.1.12.4.1.1.8258',
  /** Feilmeldinger for applikasjonskvittering, generelle. */
  appRecError: '2.16.578.1.12.4.1.1.8221',
} as const;

export const dialogMessageTypes = ['DIALOG_NOTAT', 'DIALOG_FORESPORSEL', 'DIALOG_SVAR'] as const;
export type DialogMessageType = (typeof dialogMessageTypes)[number];

export const appRecMessageType = 'APPREC';

/** AppRec error codes used here (code system 8221). */
export const appRecErrors = {
  receiverUnknown: { v: 'E21', dn: 'Mottaker finnes ikke' },
  msgIdInvalid: { v: 'E10', dn: 'Ugyldig meldingsidentifikator' },
  patientNotFound: { v: 'E35', dn: 'Pasienten finnes ikke i mottakersystemet' },
  patientIdWrong: { v: 'E31', dn: 'Pasientens fødselsnummer er feil' },
  notWellFormed: { v: 'T01', dn: "Ikke XML / ikke 'well formed' / uleselig" },
  notValid: { v: 'T02', dn: 'XML validerer ikke' },
  signature: { v: 'S01', dn: 'Feil på signatur' },
  certificate: { v: 'S02', dn: 'Ugyldig sertifikat' },
  other: { v: 'X99', dn: 'Annen feil' },
} as const;
export type AppRecErrorCode = keyof typeof appRecErrors;
