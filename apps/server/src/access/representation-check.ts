/**
 * Who a citizen may act for, decided at the moment asked: the population register
 * (parental responsibility, guardianship, confidential addresses — asked for both
 * people every time, so a change there takes effect at once), the powers of attorney
 * given in the app, and the rule table (`mayActFor`, @innboks/core). The citizen guard
 * builds a representative principal only through `actingPrincipal`, and the
 * representation pages list and change relations only through this module.
 */
import { ageOn, mayActFor, powerOfAttorneyRefusal, seesRepresentativesLog, type Clock, type PopulationRegister, type RelationFacts, type RelationRegister, type RepresentationRelation } from '@innboks/core';
import type { Person, PowerOfAttorney, PrincipalOf, RepresentationLogEntry, Representations } from '@innboks/db';

export type PersonRegister = PopulationRegister & RelationRegister;
type Login = PrincipalOf<'citizen'>;

/** One person the login could act for, as the chooser lists them. */
export interface Candidate {
  person: Person;
  relation: RepresentationRelation;
  /** False when the rules refuse it now; the reason is not shown, so another's address status is never told. */
  available: boolean;
  /** For a power of attorney: its id and last day. */
  power?: { id: string; validUntil: string | null };
}

const noRelations: RelationFacts = { confidentialAddress: false, responsibleFor: [] };

/** A refusal names the field and what to say (a key of the web API's problem catalogue). */
export type GiveOutcome = { outcome: 'given'; id: string } | { outcome: 'refused'; field: 'holderNationalId' | 'validUntil'; says: 'powerToSelf' | 'powerCannotBeHeld' | 'powerAges' };

export class RepresentationCheck {
  constructor(
    private readonly register: PersonRegister,
    private readonly representations: Representations,
    private readonly clock: Clock,
  ) {}

  private async relationsOf(nationalId: string): Promise<RelationFacts> {
    return (await this.register.relations(nationalId)) ?? noRelations;
  }

  /** The login as a person (their birth date, as the register or their national id has it). */
  private async self(login: Login): Promise<Person> {
    return (await this.representations.person(login.citizenId)) ?? { citizenId: login.citizenId, nationalId: login.nationalId, name: login.name, birthDate: null };
  }

  /** Everyone the login acts for by the register or a power of attorney, each checked now. */
  async candidates(login: Login): Promise<{ candidates: Candidate[]; ownAddressConfidential: boolean }> {
    const at = this.clock.now();
    const [own, self, powers] = await Promise.all([this.relationsOf(login.nationalId), this.self(login), this.representations.heldBy(login.citizenId)]);
    const fromRegister = await Promise.all(
      own.responsibleFor.map(async ({ nationalId, relation }) => {
        const facts = await this.register.lookup(nationalId);
        const person = await this.representations.personFor(nationalId, { name: facts?.name ?? '', birthDate: facts?.birthDate ?? null });
        return { person, relation, validUntil: null as string | null, power: undefined as PowerOfAttorney | undefined };
      }),
    );
    const fromPowers = powers.map((power) => ({ person: power.person, relation: 'FU' as const, validUntil: power.validUntil, power }));
    const candidates: Candidate[] = [];
    for (const entry of [...fromRegister, ...fromPowers]) {
      const theirs = await this.relationsOf(entry.person.nationalId);
      const decision = mayActFor(
        {
          relation: entry.relation,
          representative: { birthDate: self.birthDate, confidentialAddress: own.confidentialAddress },
          person: { birthDate: entry.person.birthDate, confidentialAddress: theirs.confidentialAddress },
          validUntil: entry.validUntil,
        },
        at,
      );
      // A child past 16 or a power past its day is no longer a relation at all: left out.
      if (!decision.allowed && (decision.reason === 'too-old' || decision.reason === 'expired')) continue;
      candidates.push({
        person: entry.person,
        relation: entry.relation,
        available: decision.allowed,
        ...(entry.power ? { power: { id: entry.power.id, validUntil: entry.power.validUntil } } : {}),
      });
    }
    return { candidates, ownAddressConfidential: own.confidentialAddress };
  }

  /**
   * The principal of the login acting for `personId` at this moment, or undefined
   * when no relation allows it now (ended, expired, too old, a confidential address).
   */
  async actingPrincipal(login: Login, personId: string): Promise<PrincipalOf<'representative'> | undefined> {
    const at = this.clock.now();
    const person = await this.representations.person(personId);
    if (!person || person.citizenId === login.citizenId) return undefined;
    const [own, self, power] = await Promise.all([this.relationsOf(login.nationalId), this.self(login), this.representations.openPower(person.citizenId, login.citizenId)]);
    const byRegister = own.responsibleFor.find((entry) => entry.nationalId === person.nationalId)?.relation;
    const relation: RepresentationRelation | undefined = byRegister ?? (power ? 'FU' : undefined);
    if (!relation) return undefined;
    const theirs = await this.relationsOf(person.nationalId);
    const decision = mayActFor(
      {
        relation,
        representative: { birthDate: self.birthDate, confidentialAddress: own.confidentialAddress },
        person: { birthDate: person.birthDate, confidentialAddress: theirs.confidentialAddress },
        validUntil: relation === 'FU' ? (power?.validUntil ?? null) : null,
      },
      at,
    );
    if (!decision.allowed) return undefined;
    return {
      kind: 'representative',
      citizenId: login.citizenId,
      nationalId: login.nationalId,
      name: login.name,
      relation,
      person: { citizenId: person.citizenId, nationalId: person.nationalId, name: person.name, age: decision.personAge },
    };
  }

  /** The powers of attorney the login gave, ended ones too. */
  given(login: Login): Promise<PowerOfAttorney[]> {
    return this.representations.givenBy(login.citizenId);
  }

  /**
   * The login gives a power of attorney for digital health services. The refusals
   * never say which side's address is confidential, nor whether the holder is known.
   */
  async give(login: Login, holderNationalId: string, validUntil: string | null): Promise<GiveOutcome> {
    const at = this.clock.now();
    const cannotHold = { outcome: 'refused', field: 'holderNationalId', says: 'powerCannotBeHeld' } as const;
    if (holderNationalId === login.nationalId) return { outcome: 'refused', field: 'holderNationalId', says: 'powerToSelf' };
    const holderFacts = await this.register.lookup(holderNationalId);
    if (!holderFacts) return cannotHold;
    const [self, own, theirs] = await Promise.all([this.self(login), this.relationsOf(login.nationalId), this.relationsOf(holderNationalId)]);
    const refusal = powerOfAttorneyRefusal(
      {
        person: { birthDate: self.birthDate, confidentialAddress: own.confidentialAddress },
        representative: { birthDate: holderFacts.birthDate, confidentialAddress: theirs.confidentialAddress },
      },
      at,
    );
    if (refusal === 'too-young') {
      return { outcome: 'refused', field: 'holderNationalId', says: 'powerAges' };
    }
    if (refusal) return cannotHold;
    const holder = await this.representations.personFor(holderNationalId, { name: holderFacts.name, birthDate: holderFacts.birthDate });
    return { outcome: 'given', id: await this.representations.give(login.citizenId, holder.citizenId, validUntil, at) };
  }

  /** Either side ends a power of attorney; undefined when it is not theirs or already ended. */
  end(login: Login, powerId: string): Promise<PowerOfAttorney | undefined> {
    return this.representations.end(powerId, login.citizenId, this.clock.now());
  }

  /** What representatives did for the login: shown to an adult at once, to a young person from 16. */
  async log(login: Login): Promise<RepresentationLogEntry[]> {
    const age = ageOn((await this.self(login)).birthDate, this.clock.now());
    return age !== undefined && seesRepresentativesLog(age) ? this.representations.log(login.citizenId) : [];
  }
}
