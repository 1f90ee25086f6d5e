/**
 * The registers delivery asks at arrival.
 *
 * Contact and reservation register (KRR):
 *   POST <CONTACT_REGISTER_URL>/lookup   (Bearer CONTACT_REGISTER_TOKEN)   { "nationalId": "…" }
 *   → 200 { "reserved": false, "mobile": "+4799000001" | null, "email": "…" | null,
 *           "digitalMailbox": { "provider": "digipost", "address": "…" } | null }
 *   → 404 not in the register
 *   POST <CONTACT_REGISTER_URL>/lookup-many   { "nationalIds": ["…", …] }   (at most 1,000)
 *   → 200 { "people": [{ "nationalId": "…", …the same fields… }] }   (anyone not in the register is left out)
 *
 * Population register (Folkeregisteret):
 *   POST <POPULATION_REGISTER_URL>/lookup   (Bearer POPULATION_REGISTER_TOKEN)   { "nationalId": "…" }
 *   → 200 { "name": "…", "birthDate": "1985-04-12" | null,
 *           "postalAddress": { "street": "…", "postalCode": "0155", "city": "Oslo", "country"?: "…" } | null }
 *   → 404 not in the register
 *   POST <POPULATION_REGISTER_URL>/lookup-many   { "nationalIds": ["…", …] }   → 200 { "people": [{ "nationalId": "…", … }] }
 *   POST <POPULATION_REGISTER_URL>/relations   { "nationalId": "…" }
 *   → 200 { "confidentialAddress": false,
 *           "responsibleFor": [{ "nationalId": "…", "relation": "FO" | "VE" }],     (whom this person is responsible for:
 *                                                                                     parental responsibility, guardianship)
 *           "responsibleAdults": [{ "nationalId": "…", "relation": "FO" | "VE" }] } (who is responsible for this person)
 *   → 404 not in the register
 *   Asked on every request of someone acting for another person, for both of them, so
 *   a relation the register ended ends access at once; and at a letter's arrival for a
 *   child under 16 and the child's parents, to notify the parents.
 *
 * Delivery plans letters in batches and asks with lookup-many, one call a batch.
 * The national id goes in the body, never in a URL (URLs end up in logs).
 * The embedded stand-ins answer from a list given to them (the demo people).
 */
import type { ContactFacts, ContactRegister, PersonFacts, PopulationRegister, RelationFacts, RelationRegister } from '@innboks/core';
import { ChannelError, registerBatchLimit } from '@innboks/core';
import { postJson, type HttpEndpoint } from './http.ts';

/** The shared part of both registers' clients: one person, or many in one call. */
class HttpRegister<Facts> {
  constructor(
    private readonly endpoint: HttpEndpoint,
    private readonly read: (answer: Record<string, unknown>) => Facts,
  ) {}

  async lookup(nationalId: string): Promise<Facts | undefined> {
    const answer = await postJson<Record<string, unknown>>(this.endpoint, 'lookup', { nationalId }, { notFoundIsEmpty: true });
    return answer ? this.read(answer) : undefined;
  }

  async lookupMany(nationalIds: readonly string[]): Promise<Map<string, Facts>> {
    if (nationalIds.length === 0) return new Map();
    if (nationalIds.length > registerBatchLimit) throw new ChannelError('permanent', `at most ${registerBatchLimit} people a register call`);
    const answer = await postJson<{ people?: Record<string, unknown>[] }>(this.endpoint, 'lookup-many', { nationalIds });
    const asked = new Set(nationalIds);
    const found = new Map<string, Facts>();
    for (const entry of answer?.people ?? []) {
      if (typeof entry.nationalId === 'string' && asked.has(entry.nationalId)) found.set(entry.nationalId, this.read(entry));
    }
    return found;
  }
}

const readContact = (answer: Partial<ContactFacts>): ContactFacts => ({
  reserved: answer.reserved === true,
  mobile: answer.mobile ?? null,
  email: answer.email ?? null,
  digitalMailbox: answer.digitalMailbox?.provider && answer.digitalMailbox.address ? answer.digitalMailbox : null,
});

const readPerson = (answer: Partial<PersonFacts>): PersonFacts => ({ name: answer.name ?? '', birthDate: answer.birthDate ?? null, postalAddress: answer.postalAddress ?? null });

export class HttpContactRegister extends HttpRegister<ContactFacts> implements ContactRegister {
  constructor(endpoint: HttpEndpoint) {
    super(endpoint, readContact);
  }
}

const readRelationList = (list: unknown): { nationalId: string; relation: 'FO' | 'VE' }[] =>
  (Array.isArray(list) ? (list as { nationalId?: unknown; relation?: unknown }[]) : []).flatMap((entry) =>
    typeof entry.nationalId === 'string' && (entry.relation === 'FO' || entry.relation === 'VE') ? [{ nationalId: entry.nationalId, relation: entry.relation }] : [],
  );

const readRelations = (answer: { confidentialAddress?: unknown; responsibleFor?: unknown; responsibleAdults?: unknown }): RelationFacts => ({
  confidentialAddress: answer.confidentialAddress === true,
  responsibleFor: readRelationList(answer.responsibleFor),
  responsibleAdults: readRelationList(answer.responsibleAdults),
});

export class HttpPopulationRegister extends HttpRegister<PersonFacts> implements PopulationRegister, RelationRegister {
  constructor(private readonly populationEndpoint: HttpEndpoint) {
    super(populationEndpoint, readPerson);
  }

  async relations(nationalId: string): Promise<RelationFacts | undefined> {
    const answer = await postJson<Record<string, unknown>>(this.populationEndpoint, 'relations', { nationalId }, { notFoundIsEmpty: true });
    return answer ? readRelations(answer) : undefined;
  }
}

export interface RegisterPerson {
  nationalId: string;
  contact: ContactFacts;
  person: PersonFacts;
  /** Without it: no confidential address, responsible for nobody. */
  relations?: RelationFacts;
}

/** A register in memory, answering from a list (the demo people). */
class StandInRegister<Facts> {
  constructor(private readonly people: Map<string, Facts>) {}

  async lookup(nationalId: string): Promise<Facts | undefined> {
    return this.people.get(nationalId);
  }

  async lookupMany(nationalIds: readonly string[]): Promise<Map<string, Facts>> {
    const found = new Map<string, Facts>();
    for (const nationalId of nationalIds) {
      const facts = this.people.get(nationalId);
      if (facts) found.set(nationalId, facts);
    }
    return found;
  }
}

export class StandInContactRegister extends StandInRegister<ContactFacts> implements ContactRegister {
  constructor(people: RegisterPerson[]) {
    super(new Map(people.map((entry) => [entry.nationalId, entry.contact])));
  }
}

export class StandInPopulationRegister extends StandInRegister<PersonFacts> implements PopulationRegister, RelationRegister {
  private readonly relationsByPerson: Map<string, RelationFacts>;

  constructor(people: RegisterPerson[]) {
    super(new Map(people.map((entry) => [entry.nationalId, entry.person])));
    // Who is responsible for whom is listed once, on the responsible side; the other side is read off it.
    const adultsOf = new Map<string, { nationalId: string; relation: 'FO' | 'VE' }[]>();
    for (const entry of people) {
      for (const { nationalId, relation } of entry.relations?.responsibleFor ?? []) adultsOf.set(nationalId, [...(adultsOf.get(nationalId) ?? []), { nationalId: entry.nationalId, relation }]);
    }
    this.relationsByPerson = new Map(
      people.map((entry) => [
        entry.nationalId,
        { confidentialAddress: entry.relations?.confidentialAddress ?? false, responsibleFor: entry.relations?.responsibleFor ?? [], responsibleAdults: adultsOf.get(entry.nationalId) ?? [] },
      ]),
    );
  }

  async relations(nationalId: string): Promise<RelationFacts | undefined> {
    return this.relationsByPerson.get(nationalId);
  }
}
