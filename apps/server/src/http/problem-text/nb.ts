/**
 * The web API's problem details in Bokmål: the typed master every other language's
 * catalogue `satisfies` (nn.ts, se.ts, en.ts). Routes throw a key (`problem(…)`,
 * `fieldProblem(…)`, problem.ts); the error handler writes the words in the request's
 * language. `{name}` is a placeholder the route fills in. Terms: docs/glossary-languages.md.
 */
export const nb = {
  problems: {
    unauthenticated: { title: 'Ikke innlogget', detail: 'Logg inn for å fortsette.' },
    notFound: { title: 'Fant ikke', detail: 'Finnes ikke, eller du har ikke tilgang.' },
    csrf: { title: 'Ugyldig forespørsel', detail: 'Mangler eller feil X-CSRF-Token.' },
    invalidRequest: { title: 'Ugyldig forespørsel' },
    internal: { title: 'Intern feil', detail: 'Noe gikk galt. Prøv igjen senere.' },
    tooManyRequests: { title: 'For mange forespørsler', detail: 'Vent {seconds} sekunder og prøv igjen.' },
    contactRegisterUnavailable: { title: 'Kontaktregisteret svarer ikke', detail: 'Prøv igjen om litt.' },
    noticeChoiceNotOwn: { title: 'Kan ikke endre varslingsvalget', detail: 'Bare personen selv kan endre varslingsvalget sitt.' },
    noticeChoiceNotSaved: { title: 'Kan ikke lagre varslingsvalget' },
    reservationNotOwn: { title: 'Kan ikke endre reservasjonen', detail: 'Bare personen selv kan reservere seg mot forskning.' },
    formAlreadySubmitted: { title: 'Skjemaet er allerede sendt inn', detail: 'Et skjema sendes inn én gang. Kvitteringen ligger under Kvitteringer.' },
    formExpired: { title: 'Fristen for skjemaet har gått ut', detail: 'Skjemaet kan ikke lenger sendes inn.' },
    formCancelled: { title: 'Skjemaet er trukket tilbake', detail: 'Avsenderen har trukket tilbake skjemaet. Det kan ikke sendes inn.' },
    powerOfAttorneyRefused: { title: 'Kan ikke gi fullmakt' },
    municipalMessageRefused: { title: 'Kan ikke sende meldingen' },
    threadClosed: { title: 'Samtalen er avsluttet', detail: 'Tjenesten har avsluttet denne samtalen. Start en ny samtale for å skrive til tjenesten igjen.' },
    appointmentStarted: { title: 'Timen har begynt', detail: 'Du kan ikke svare på en time som har begynt eller er over. Kontakt sykehuset direkte.' },
    appointmentCancelled: { title: 'Timen er avlyst', detail: 'Timen er avlyst, så det er ikke noe å svare på.' },
    replyReasonNotOffered: { title: 'Ikke mulig for denne timen', detail: 'Sykehuset tar ikke imot denne typen svar på denne timen.' },
    appointmentAlreadyAnswered: { title: 'Allerede sendt', detail: 'Du sendte dette svaret {sentAt}. Sykehuset har fått det; du trenger ikke sende det igjen.' },
  },
  /** What is wrong with one field (`errors[].message`); the field's name stays as the API names it. */
  fields: {
    required: 'Fyll ut dette feltet.',
    tooLong: 'Kan ha høyst {maximum} tegn.',
    tooShort: 'Må ha minst {minimum} tegn.',
    tooMany: 'Kan ha høyst {maximum}.',
    tooFew: 'Må ha minst {minimum}.',
    tooBig: 'Kan være høyst {maximum}.',
    tooSmall: 'Må være minst {minimum}.',
    invalid: 'Ugyldig verdi.',
    nulCharacter: 'Teksten kan ikke inneholde tegnet NUL (U+0000).',
    badCursor: 'Ugyldig side-markør',
    questionRequired: 'Skriv spørsmålet ditt',
    replyTooLong: 'Teksten er for lang',
    noticeChoiceNotOwn: 'Bare personen selv kan endre varslingsvalget sitt.',
    missingMobile: 'Kontakt- og reservasjonsregisteret har ikke mobilnummer for deg.',
    missingEmail: 'Kontakt- og reservasjonsregisteret har ikke e-postadresse for deg.',
    missingMobileAndEmail: 'Kontakt- og reservasjonsregisteret har ikke mobilnummer eller e-postadresse for deg.',
    reservationNotOwn: 'Bare personen selv kan reservere seg mot forskning.',
    powerToSelf: 'Du kan ikke gi fullmakt til deg selv.',
    powerCannotBeHeld: 'Denne personen kan ikke få fullmakt fra deg i Innboks.',
    powerAges: 'Du må være minst 16 år for å gi fullmakt, og den du gir fullmakt til må være minst 18 år.',
    attachmentNotBase64: 'Vedlegget må være base64.',
    attachmentTooLarge: 'Vedlegget er for stort. Det kan være høyst {megabytes} MB.',
    attachmentEmpty: 'Vedlegget er tomt.',
    attachmentTypeNotAllowed: 'Vedlegget må være PDF, PNG eller JPEG.',
    attachmentTypeMismatch: 'Filen er ikke det den sier at den er. Vedlegget må være PDF, PNG eller JPEG.',
    attachmentNotPdf: 'Filen ser ut som en PDF, men er ikke en gyldig PDF.',
    municipalNotInTrial: 'Kommunen du bor i er ikke med i utprøvingen av meldinger til helse- og omsorgstjenestene ennå.',
    municipalNotReceived: 'Du kan bare sende meldinger til tjenester du mottar. Du mottar ikke denne tjenesten.',
    municipalNoDigitalContact: 'Denne tjenesten har ikke åpnet for digital kontakt. Ta kontakt med tjenesten på telefon.',
  },
};

export type ProblemTexts = typeof nb;
export type ProblemKey = keyof ProblemTexts['problems'];
export type FieldMessageKey = keyof ProblemTexts['fields'];
