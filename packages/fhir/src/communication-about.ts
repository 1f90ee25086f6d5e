/**
 * `Communication.about` of an appointment letter: the Appointment it is about,
 * either `contained` in the letter (`{ "reference": "#appt" }`) or sent before —
 * `{ "reference": "Appointment/<id>" }`, `{ "identifier": { system, value } }` or
 * `{ "reference": "Appointment?identifier=<system>|<value>" }`.
 */
import type { AppointmentReference } from '@innboks/core';
import { parseAppointment } from './appointment-in.ts';
import type { OutcomeIssue } from './operation-outcome.ts';
import { isObject, type Fail, type Json } from './reading.ts';


export function readAbout(body: Json, citizenNationalId: string | undefined, fail: Fail): AppointmentReference | undefined {
  const where = 'Communication.about';
  if (body.about === undefined) return undefined;
  const about = body.about;
  if (!Array.isArray(about) || about.length !== 1 || !isObject(about[0])) {
    fail('structure', 'about takes one reference to the Appointment', where);
    return undefined;
  }
  const reference = about[0];
  const at = `${where}[0]`;
  if (reference.type !== undefined && reference.type !== 'Appointment') {
    fail('value', 'about must refer to an Appointment', `${at}.type`);
    return undefined;
  }
  if (typeof reference.reference === 'string') {
    const text = reference.reference;
    if (text.startsWith('#')) return readContained(body.contained, text.slice(1), citizenNationalId, fail);
    const byId = /^Appointment\/([0-9a-f-]{36})$/i.exec(text);
    if (byId) return { kind: 'id', id: byId[1]!.toLowerCase() };
    const byIdentifier = /^Appointment\?identifier=([^|&]+)\|([^&]+)$/.exec(text);
    if (byIdentifier) return { kind: 'identifier', system: decodeURIComponent(byIdentifier[1]!), value: decodeURIComponent(byIdentifier[2]!) };
    fail('value', 'about reference must be "#<contained id>", "Appointment/<id>" or "Appointment?identifier=<system>|<value>"', `${at}.reference`);
    return undefined;
  }
  if (isObject(reference.identifier)) {
    const { system, value } = reference.identifier;
    if (typeof system !== 'string' || !system || typeof value !== 'string' || !value) {
      fail('required', 'about identifier needs system and value', `${at}.identifier`);
      return undefined;
    }
    return { kind: 'identifier', system, value };
  }
  fail('required', 'about needs a reference or an identifier of the Appointment', at);
  return undefined;
}

function readContained(contained: unknown, id: string, citizenNationalId: string | undefined, fail: Fail): AppointmentReference | undefined {
  const list = Array.isArray(contained) ? contained : [];
  const index = list.findIndex((resource: unknown) => isObject(resource) && resource.id === id);
  if (index < 0) {
    fail('not-found', `no contained resource with id "${id}"`, 'Communication.about[0].reference');
    return undefined;
  }
  const at = `Communication.contained[${index}]`;
  const parsed = parseAppointment(list[index], at);
  if (!parsed.ok) {
    parsed.issues.forEach((issue: OutcomeIssue) => fail(issue.code, issue.diagnostics, issue.expression?.[0] ?? at));
    return undefined;
  }
  if (citizenNationalId !== undefined && parsed.appointment.citizenNationalId !== citizenNationalId) {
    fail('value', "the contained Appointment's citizen must be the Communication's subject", `${at}.participant`);
    return undefined;
  }
  return { kind: 'contained', appointment: parsed.appointment };
}
