/**
 * Norwegian letter text for generated data: subjects and sentences of the kinds a
 * hospital, GP, municipal service, research project or form service sends, so the
 * full-text index holds realistic words with realistic frequencies.
 */
export const subjectsByCategory: Record<string, string[]> = {
  hospital: [
    'Innkalling til poliklinisk time',
    'Svar på røntgenundersøkelse',
    'Epikrise etter innleggelse',
    'Timeavtale ved ortopedisk poliklinikk',
    'Svar på MR-undersøkelse',
    'Innkalling til operasjon',
    'Endret time ved kardiologisk poliklinikk',
    'Svar på blodprøver',
    'Henvisning mottatt',
    'Innkalling til kontroll etter behandling',
    'Informasjon før dagkirurgi',
    'Prøvesvar fra laboratoriet',
  ],
  gp: [
    'Melding fra fastlegekontoret',
    'Svar på blodprøve',
    'Påminnelse om årskontroll',
    'Resept fornyet',
    'Timebekreftelse hos fastlegen',
    'Svar på spørsmål om medisiner',
    'Henvisning sendt til spesialist',
    'Vaksinasjon: ny time',
  ],
  municipal: [
    'Vedtak om hjemmesykepleie',
    'Vaksinasjonstilbud fra kommunen',
    'Melding fra helsestasjonen',
    'Time hos fysioterapeut',
    'Vedtak om praktisk bistand',
    'Innkalling til helsestasjon for barn',
    'Melding fra legevakten',
    'Informasjon om omsorgsstønad',
  ],
  research: [
    'Invitasjon til forskningsstudie',
    'Spørreundersøkelse om pasienterfaringer',
    'Samtykke til deltakelse i studie',
    'Påminnelse: spørreskjema om livskvalitet',
    'Resultater fra studien du deltok i',
  ],
  receipts: [
    'Kvittering for innsendt skjema',
    'Kvittering: søknad om frikort',
    'Kvittering for endret fastlege',
    'Kvittering: egenerklæring mottatt',
    'Kvittering for innsendt reiseregning',
  ],
};

export const sentences: string[] = [
  'Du har fått time ved poliklinikken, og vi ber deg møte tjue minutter før avtalt tid.',
  'Røntgenbildene viser ingen tegn til brudd, og det er ikke behov for ny kontroll.',
  'Blodprøvene dine er innenfor normalområdet, og vi anbefaler ingen endring i behandlingen.',
  'Ta med oversikt over medisinene du bruker, og gi beskjed dersom du ikke kan komme.',
  'Timen kan endres eller avbestilles senest to virkedager før avtalt tid.',
  'Dersom du ikke møter og ikke har gitt beskjed, må du betale et gebyr.',
  'Legen har vurdert henvisningen din og du vil få time innen den fastsatte fristen.',
  'Du må faste fra midnatt før operasjonen, men kan drikke vann frem til klokken seks.',
  'Resepten er fornyet og kan hentes på et hvilket som helst apotek.',
  'Vaksinen gis på helsestasjonen, og du trenger ikke bestille time på forhånd.',
  'Hjemmesykepleien kommer to ganger daglig fra og med mandag neste uke.',
  'Vi minner om årskontrollen for diabetes, som bør tas i løpet av de neste ukene.',
  'Fysioterapeuten vil kontakte deg for å avtale oppstart av opptreningen.',
  'Undersøkelsen viste normale funn, og fastlegen din har fått kopi av svaret.',
  'Ved forverring av smerter, feber eller hevelse må du kontakte legevakten.',
  'Prøvesvaret er sendt til legen som henviste deg, som vil følge opp videre.',
  'Deltakelse i studien er frivillig, og du kan trekke deg når som helst uten begrunnelse.',
  'Spørreskjemaet tar omtrent ti minutter å fylle ut, og svarene behandles konfidensielt.',
  'Vi har mottatt skjemaet ditt og vil behandle saken så snart som mulig.',
  'Frikortet blir sendt automatisk når du har nådd egenandelstaket.',
  'Epikrisen beskriver behandlingen du fikk under innleggelsen og videre oppfølging.',
  'MR-undersøkelsen tar omtrent førti minutter, og du må ligge stille under undersøkelsen.',
  'Hvis du trenger tolk, ber vi deg gi beskjed til avdelingen i god tid.',
  'Kontrollen etter behandlingen gjennomføres som videokonsultasjon.',
  'Pasientreiser dekker reiseutgiftene dine dersom du har rett til det.',
  'Svaret på allergitesten viser reaksjon på pollen fra bjørk og gress.',
  'Du er satt opp til hjertekontroll med EKG og ultralyd av hjertet.',
  'Barnet ditt skal ha vaksine mot meslinger, kusma og røde hunder.',
  'Vedtaket kan påklages til statsforvalteren innen tre uker.',
  'Ta kontakt med ekspedisjonen dersom du har spørsmål om timen.',
];

/** Words the search benchmark looks for, from common to rare. */
export const searchTerms = ['time', 'blodprøver', 'røntgen', 'vaksine', 'resept', 'epikrise', 'fysioterapeut', 'allergitest', 'hjertekontroll', 'frikort'];

export const departments = [
  'Ortopedisk poliklinikk',
  'Kardiologisk poliklinikk',
  'Medisinsk avdeling',
  'Barneavdelingen',
  'Radiologisk avdeling',
  'Nevrologisk poliklinikk',
  'Kirurgisk avdeling',
  'Laboratoriemedisin',
  'Fastlegekontoret',
  'Helsestasjonen',
  'Hjemmetjenesten',
  'Legevakten',
];
