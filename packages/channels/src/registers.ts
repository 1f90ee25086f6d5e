/**
 * The registers delivery asks at arrival.
 *
 * Contact and reservation register (KRR):
 *   POST <CONTACT_REGISTER_URL>/lookup   (Bearer CONTACT_REGISTER_TOKEN)   { "nationalId": "…" }
 *   → 200 { "reserved": false, "mobile": "+4799000001" | null, "email": "…" | null,
 *           "digitalMailbox": { "provider": "digipost", "address": "…" } | null }
 *   → 404 not in the register
 *
 * Population register (Folkeregisteret):
 *   POST <POPULATION_REGISTER_URL>/lookup   (Bearer POPULATION_REGISTER_TOKEN)   { "nationalId": "…" }
 *   → 200 { "name": "…", "birthDate": "1985-04-12" | null,
 *           "postalAddress": { "street": "…", "postalCode": "0155", "city": "Oslo", "country"?: "…" } | null }
 *   → 404 not in the register
 *
 * The national id goes in the body, never in a URL (URLs end up in logs).
 * The embedded stand-ins answer from a list given to them (the demo people).
 */
import type { ContactFacts, ContactRegister, PersonFacts, PopulationRegister } from '@innboks/core';
import { postJson, type HttpEndpoint } from './http.ts';

export class HttpContactRegister implements ContactRegister {
  constructor(private readonly endpoint: HttpEndpoint) {}

  async lookup(nationalId: string): Promise<ContactFacts | undefined> {
    const answer = await postJson<Partial<ContactFacts>>(this.endpoint, 'lookup', { nationalId }, { notFoundIsEmpty: true });
    if (!answer) return undefined;
    return {
      reserved: answer.reserved === true,
      mobile: answer.mobile ?? null,
      email: answer.email ?? null,
      digitalMailbox: answer.digitalMailbox?.provider && answer.digitalMailbox.address ? answer.digitalMailbox : null,
    };
  }
}

export class HttpPopulationRegister implements PopulationRegister {
  constructor(private readonly endpoint: HttpEndpoint) {}

  async lookup(nationalId: string): Promise<PersonFacts | undefined> {
    const answer = await postJson<Partial<PersonFacts>>(this.endpoint, 'lookup', { nationalId }, { notFoundIsEmpty: true });
    if (!answer) return undefined;
    return { name: answer.name ?? '', birthDate: answer.birthDate ?? null, postalAddress: answer.postalAddress ?? null };
  }
}

export interface RegisterPerson {
  nationalId: string;
  contact: ContactFacts;
  person: PersonFacts;
}

export class StandInContactRegister implements ContactRegister {
  private readonly people: Map<string, ContactFacts>;

  constructor(people: RegisterPerson[]) {
    this.people = new Map(people.map((entry) => [entry.nationalId, entry.contact]));
  }

  async lookup(nationalId: string): Promise<ContactFacts | undefined> {
    return this.people.get(nationalId);
  }
}

export class StandInPopulationRegister implements PopulationRegister {
  private readonly people: Map<string, PersonFacts>;

  constructor(people: RegisterPerson[]) {
    this.people = new Map(people.map((entry) => [entry.nationalId, entry.person]));
  }

  async lookup(nationalId: string): Promise<PersonFacts | undefined> {
    return this.people.get(nationalId);
  }
}
