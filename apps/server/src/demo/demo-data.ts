/**
 * The demo world of the embedded mode: synthetic citizens (month + 80, never a real
 * person's number), one sender of each kind and region, and municipal staff.
 * Contact facts here feed the register stand-ins.
 */
import { organizationNumberFrom, syntheticNationalId, type Language, type SenderKind } from '@innboks/core';

export interface DemoCitizen {
  nationalId: string;
  name: string;
  birthDate: string;
  portalUser: boolean;
  municipality: string;
  services: string[];
  /** Why this person is in the demo, shown on the test login page. */
  /** A hint for the test login page, in each language. */
  description: Record<Language, string>;
  contact: { mobile?: string; email?: string; notice?: 'sms' | 'email'; digitalMailbox?: { provider: 'digipost' | 'eboks'; address: string } };
  /** Null where the register gives none (a confidential address). */
  postalAddress: { street: string; postalCode: string; city: string } | null;
  /** The population register marks the address confidential: nobody represents this person, nor is represented by them. */
  confidentialAddress?: boolean;
}

export interface DemoSender {
  clientId: string;
  organizationNumber: string;
  name: string;
  kind: SenderKind;
  region: 'helse-sor-ost' | 'helse-vest' | 'helse-nord' | 'helse-midt' | null;
}

export interface DemoStaff {
  username: string;
  name: string;
  services: string[];
  /** HelseID's pid claim (synthetic national id) and the HPR number. */
  nationalId: string;
  hprNumber: string;
  /** The municipal organisation (sender client id) whose services they work in. */
  organizationClientId: string;
  /** Runs the service: the operator's screen, and no service of their own. */
  operator?: boolean;
}

export const pilotMunicipality = 'Drammen';

const citizen = (birthDate: string, individual: number, rest: Omit<DemoCitizen, 'nationalId' | 'birthDate'>): DemoCitizen => ({
  nationalId: syntheticNationalId(birthDate, individual),
  birthDate,
  ...rest,
});

export const demoCitizens: DemoCitizen[] = [
  citizen('1985-04-12', 123, {
    name: 'Kari Nordmann',
    portalUser: true,
    municipality: 'Oslo',
    services: [],
    description: { nb: 'Helsenorge-bruker, varsel på SMS', nn: 'Helsenorge-brukar, varsel på SMS', se: 'Helsenorge-geavaheaddji, dieđihus SMS:in', en: 'Helsenorge user, notices by SMS' },
    contact: { mobile: '+4799000001', notice: 'sms' },
    postalAddress: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo' },
  }),
  citizen('1972-11-03', 234, {
    name: 'Ola Hansen',
    portalUser: true,
    municipality: 'Bergen',
    services: [],
    description: { nb: 'Helsenorge-bruker, varsel på e-post', nn: 'Helsenorge-brukar, varsel på e-post', se: 'Helsenorge-geavaheaddji, dieđihus e-poasttain', en: 'Helsenorge user, notices by e-mail' },
    contact: { email: 'ola.hansen@example.test', notice: 'email' },
    postalAddress: { street: 'Bryggen 5', postalCode: '5003', city: 'Bergen' },
  }),
  citizen('1990-06-15', 210, {
    name: 'Per Digitalsen',
    portalUser: false,
    municipality: 'Trondheim',
    services: [],
    description: { nb: 'Ingen Helsenorge-bruker, har digital postkasse', nn: 'Ingen Helsenorge-brukar, har digital postkasse', se: 'Ii Helsenorge-geavaheaddji, lea digitála poastaboksa', en: 'Not a Helsenorge user, has a digital mailbox' },
    contact: { mobile: '+4799000003', digitalMailbox: { provider: 'digipost', address: 'per.digitalsen#1234' } },
    postalAddress: { street: 'Munkegata 10', postalCode: '7011', city: 'Trondheim' },
  }),
  citizen('1948-02-20', 345, {
    name: 'Anne Papirsen',
    portalUser: false,
    municipality: 'Tromsø',
    services: [],
    description: { nb: 'Verken Helsenorge-bruker eller digital postkasse: brev på papir', nn: 'Verken Helsenorge-brukar eller digital postkasse: brev på papir', se: 'Ii Helsenorge-geavaheaddji iige digitála poastaboksa: reive báberis', en: 'Neither a Helsenorge user nor a digital mailbox: letters on paper' },
    contact: {},
    postalAddress: { street: 'Sjøgata 3', postalCode: '9008', city: 'Tromsø' },
  }),
  citizen('2018-09-01', 510, {
    name: 'Emma Nordmann',
    portalUser: false,
    municipality: 'Oslo',
    services: [],
    description: { nb: 'Barn under 12 år', nn: 'Barn under 12 år', se: 'Mánná vuollel 12 jagi', en: 'Child under 12' },
    contact: {},
    postalAddress: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo' },
  }),
  citizen('2012-03-14', 520, {
    name: 'Jonas Ungdom',
    portalUser: true,
    municipality: 'Oslo',
    services: [],
    description: { nb: 'Ungdom 12–16 år (begrenset tilgang)', nn: 'Ungdom 12–16 år (avgrensa tilgang)', se: 'Nuorra 12–16 jagi (ráddjejuvvon beassan)', en: 'Young person 12–16 (limited access)' },
    contact: { mobile: '+4799000006', notice: 'sms' },
    postalAddress: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo' },
  }),
  citizen('1956-08-30', 456, {
    name: 'Lars Kommunesen',
    portalUser: true,
    municipality: pilotMunicipality,
    services: ['Hjemmesykepleie', 'Fysioterapi'],
    description: { nb: 'Bor i kommune med utprøving; mottar hjemmesykepleie (digital kontakt) og fysioterapi (uten)', nn: 'Bur i kommune med utprøving; får heimesjukepleie (digital kontakt) og fysioterapi (utan)', se: 'Orru gielddas mas geahččaluvvo; oažžu ruovttubuohccidivššu (digitála oktavuohta) ja fysioterapiija (haga)', en: 'Lives in a trial municipality; receives home nursing (digital contact) and physiotherapy (without)' },
    contact: { mobile: '+4799000007', notice: 'sms' },
    postalAddress: { street: 'Bragernes torg 2', postalCode: '3017', city: 'Drammen' },
  }),
  citizen('1979-12-24', 467, {
    name: 'Siri Utenfor',
    portalUser: true,
    municipality: 'Bodø',
    services: ['Hjemmesykepleie'],
    description: { nb: 'Bor i kommune uten utprøving', nn: 'Bur i kommune utan utprøving', se: 'Orru gielddas mas ii geahččaluvvo', en: 'Lives in a municipality outside the trial' },
    contact: { email: 'siri.utenfor@example.test', notice: 'email' },
    postalAddress: { street: 'Storgata 20', postalCode: '8006', city: 'Bodø' },
  }),
  citizen('1962-05-08', 478, {
    name: 'Marit Naboen',
    portalUser: true,
    municipality: pilotMunicipality,
    services: ['Hjemmesykepleie'],
    description: { nb: 'Bor i kommune med utprøving; mottar hjemmesykepleie (digital kontakt)', nn: 'Bur i kommune med utprøving; får heimesjukepleie (digital kontakt)', se: 'Orru gielddas mas geahččaluvvo; oažžu ruovttubuohccidivššu (digitála oktavuohta)', en: 'Lives in a trial municipality; receives home nursing (digital contact)' },
    contact: { email: 'marit.naboen@example.test', mobile: '+4799000009', notice: 'email' },
    postalAddress: { street: 'Konnerudgata 10', postalCode: '3045', city: 'Drammen' },
  }),
  citizen('1988-10-10', 489, {
    name: 'Hilde Lunde',
    portalUser: true,
    municipality: 'Oslo',
    services: [],
    description: { nb: 'Forelder til Nora Lunde, som hun ikke kan velge: Nora har fortrolig adresse (Bytt person forteller ikke hvorfor)', nn: 'Forelder til Nora Lunde, som ho ikkje kan velje: Nora har fortruleg adresse (Byt person fortel ikkje kvifor)', se: 'Nora Lunde váhnen, gean son ii sáhte válljet: Noras lea suddjejuvvon čujuhus (Molsso olbmo ii muital manin)', en: 'Parent of Nora Lunde, whom she cannot choose: Nora has a confidential address (Switch person does not say why)' },
    contact: { mobile: '+4799000010', notice: 'sms' },
    postalAddress: { street: 'Sognsveien 20', postalCode: '0855', city: 'Oslo' },
  }),
  citizen('2017-04-22', 530, {
    name: 'Nora Lunde',
    portalUser: false,
    municipality: 'Oslo',
    services: [],
    description: { nb: 'Barn under 12 med fortrolig adresse: ingen kan handle på vegne av henne', nn: 'Barn under 12 med fortruleg adresse: ingen kan handle på vegner av henne', se: 'Mánná vuollel 12 jagi suddjejuvvon čujuhusain: ii oktage sáhte doaibmat su ovddas', en: 'Child under 12 with a confidential address: nobody can act on her behalf' },
    contact: {},
    // A confidential address is not given out: the register's stand-in has none.
    postalAddress: null,
    confidentialAddress: true,
  }),
];

/** A demo citizen by name (the demo world names each person once). */
export function demoCitizen(name: string): DemoCitizen {
  const person = demoCitizens.find((candidate) => candidate.name === name);
  if (!person) throw new Error(`no demo citizen ${name}`);
  return person;
}

/**
 * Who acts for whom in the demo: Kari has parental responsibility (FO, from the
 * population register's stand-in) for Emma (under 12) and Jonas (12–15); Ola holds a
 * power of attorney (FU, given in the app, seeded) from Anne. Hilde is Nora's parent,
 * but Nora's address is confidential, so the chooser shows her as unavailable.
 */
export const demoRepresentations: { representative: string; person: string; relation: 'FO' | 'FU' }[] = [
  { representative: 'Kari Nordmann', person: 'Emma Nordmann', relation: 'FO' },
  { representative: 'Kari Nordmann', person: 'Jonas Ungdom', relation: 'FO' },
  { representative: 'Hilde Lunde', person: 'Nora Lunde', relation: 'FO' },
  { representative: 'Ola Hansen', person: 'Anne Papirsen', relation: 'FU' },
];

const sender = (base: number, rest: Omit<DemoSender, 'organizationNumber'>): DemoSender => ({ organizationNumber: organizationNumberFrom(base), ...rest });

export const demoSenders: DemoSender[] = [
  sender(91000001, { clientId: 'sykehuset-ostfjord', name: 'Sykehuset Østfjord HF', kind: 'hospital', region: 'helse-sor-ost' }),
  sender(91000011, { clientId: 'vestkyst-sjukehus', name: 'Vestkyst sjukehus HF', kind: 'hospital', region: 'helse-vest' }),
  sender(91000021, { clientId: 'nordlys-sykehus', name: 'Nordlys sykehus HF', kind: 'hospital', region: 'helse-nord' }),
  sender(91000031, { clientId: 'midtdalen-sykehus', name: 'Midtdalen sykehus HF', kind: 'hospital', region: 'helse-midt' }),
  sender(91000041, { clientId: 'elvegata-legekontor', name: 'Elvegata legekontor', kind: 'gp', region: null }),
  sender(91000051, { clientId: 'drammen-helse-omsorg', name: 'Drammen kommune, helse og omsorg', kind: 'municipal-service', region: null }),
  sender(91000061, { clientId: 'hjertestudien', name: 'Hjertestudien (forskningsprosjekt)', kind: 'research', region: null }),
  sender(91000071, { clientId: 'folkehelseundersokelsen', name: 'Folkehelseundersøkelsen', kind: 'survey', region: null }),
  sender(91000081, { clientId: 'skjematjenesten', name: 'Skjematjenesten', kind: 'forms', region: null }),
  sender(91000091, { clientId: 'lier-helse-omsorg', name: 'Lier kommune, helse og omsorg', kind: 'municipal-service', region: null }),
];

export const demoStaff: DemoStaff[] = [
  {
    username: 'hanne.hjemmesykepleie',
    name: 'Hanne Pleier',
    services: ['Hjemmesykepleie'],
    nationalId: syntheticNationalId('1980-01-15', 161),
    hprNumber: '9100001',
    organizationClientId: 'drammen-helse-omsorg',
  },
  {
    username: 'fredrik.fysio',
    name: 'Fredrik Fysioterapeut',
    services: ['Fysioterapi'],
    nationalId: syntheticNationalId('1983-07-02', 172),
    hprNumber: '9100002',
    organizationClientId: 'drammen-helse-omsorg',
  },
  {
    username: 'lise.lier',
    name: 'Lise Liersen',
    services: ['Hjemmesykepleie'],
    nationalId: syntheticNationalId('1975-10-20', 183),
    hprNumber: '9100003',
    organizationClientId: 'lier-helse-omsorg',
  },
  {
    username: 'oda.drift',
    name: 'Oda Driftsvakt',
    services: [],
    nationalId: syntheticNationalId('1979-03-09', 194),
    hprNumber: '9100004',
    organizationClientId: 'drammen-helse-omsorg',
    operator: true,
  },
];

/** Municipalities the demo knows; only those in the trial offer citizen messaging. */
export const demoMunicipalities: { name: string; inTrial: boolean; organizationClientId?: string }[] = [
  { name: pilotMunicipality, inTrial: true, organizationClientId: 'drammen-helse-omsorg' },
  { name: 'Lier', inTrial: true, organizationClientId: 'lier-helse-omsorg' },
  { name: 'Bodø', inTrial: false },
];

export interface DemoMunicipalService {
  organizationClientId: string;
  code: string;
  name: string;
  digitalContact: boolean;
}

/** Services of the municipal organisations; `code` is how their systems name them in EpisodeOfCare.type. */
export const demoMunicipalServices: DemoMunicipalService[] = [
  { organizationClientId: 'drammen-helse-omsorg', code: 'hjemmesykepleie', name: 'Hjemmesykepleie', digitalContact: true },
  { organizationClientId: 'drammen-helse-omsorg', code: 'fysioterapi', name: 'Fysioterapi', digitalContact: false },
  { organizationClientId: 'drammen-helse-omsorg', code: 'helsestasjon', name: 'Helsestasjon', digitalContact: true },
  { organizationClientId: 'lier-helse-omsorg', code: 'hjemmesykepleie', name: 'Hjemmesykepleie', digitalContact: true },
];

/** Who receives what: each demo citizen of a municipality with an organisation, by service name. */
export function demoEnrolments(): { nationalId: string; organizationClientId: string; code: string }[] {
  return demoCitizens.flatMap((person) => {
    const organizationClientId = demoMunicipalities.find((municipality) => municipality.name === person.municipality)?.organizationClientId;
    if (!organizationClientId) return [];
    return person.services.flatMap((serviceName) => {
      const service = demoMunicipalServices.find((candidate) => candidate.organizationClientId === organizationClientId && candidate.name === serviceName);
      return service ? [{ nationalId: person.nationalId, organizationClientId, code: service.code }] : [];
    });
  });
}
