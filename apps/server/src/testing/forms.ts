/** Builders for the forms part of the sender API in tests: a Questionnaire with every kind of item the renderer draws, and an order for it. */
import type { DemoSender } from '../demo/demo-data.ts';
import { fhirRequest } from './fhir-client.ts';
import { nationalIdSystem, organizationNumberSystem } from './letters.ts';

let counter = 0;

/** A representative form: required answers, enableWhen, a repeated group, choice and open-choice, date and time, numbers, an attachment and a calculated score. */
export function questionnaire(url: string, version: string, overrides: Record<string, unknown> = {}) {
  return {
    resourceType: 'Questionnaire',
    url,
    version,
    status: 'active',
    title: 'Spørreskjema om hverdagen',
    item: [
      { linkId: 'intro', type: 'display', text: 'Svar så godt du kan.' },
      { linkId: 'smoke', type: 'boolean', text: 'Røyker du?', required: true },
      { linkId: 'per-day', type: 'integer', text: 'Hvor mange om dagen?', enableWhen: [{ question: 'smoke', operator: '=', answerBoolean: true }] },
      { linkId: 'weight', type: 'decimal', text: 'Vekt (kg)' },
      { linkId: 'mood', type: 'choice', text: 'Hvordan har du det?', answerOption: [{ valueCoding: { code: 'good', display: 'Godt' } }, { valueCoding: { code: 'bad', display: 'Dårlig' } }] },
      { linkId: 'work', type: 'open-choice', text: 'Arbeid', answerOption: [{ valueCoding: { code: 'full', display: 'Heltid' } }] },
      { linkId: 'since', type: 'date', text: 'Siden når?' },
      { linkId: 'wake', type: 'time', text: 'Når står du opp?' },
      { linkId: 'children', type: 'group', text: 'Barn', repeats: true, item: [{ linkId: 'child-name', type: 'string', text: 'Navn' }] },
      { linkId: 'photo', type: 'attachment', text: 'Bilde eller dokument' },
      { linkId: 'score', type: 'integer', text: 'Poengsum', readOnly: true },
    ],
    ...overrides,
  };
}

export function publishQuestionnaire(baseUrl: string, token: string, body: { url: string; version: string } & Record<string, unknown>) {
  return fhirRequest(baseUrl, token, 'PUT', `/fhir/R4/Questionnaire?url=${encodeURIComponent(body.url)}&version=${encodeURIComponent(body.version)}`, body);
}

export function formOrder(sender: DemoSender, nationalId: string, canonical: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    resourceType: 'Task',
    identifier: [{ system: `urn:test:${sender.clientId}:orders`, value: `order-${Date.now()}-${counter}` }],
    status: 'requested',
    intent: 'order',
    code: { coding: [{ system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp', code: 'complete-questionnaire' }] },
    for: { identifier: { system: nationalIdSystem, value: nationalId } },
    requester: { identifier: { system: organizationNumberSystem, value: sender.organizationNumber } },
    input: [{ type: { coding: [{ system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp', code: 'questionnaire' }] }, valueCanonical: canonical }],
    description: 'Vi ber deg svare på noen spørsmål.',
    ...overrides,
  };
}

export function postTask(baseUrl: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  return fhirRequest(baseUrl, token, 'POST', '/fhir/R4/Task', body, headers);
}

/** Answers to the representative form, as the renderer hands them back. */
export const sampleAnswers = [
  { linkId: 'smoke', text: 'Røyker du?', answer: [{ valueBoolean: true }] },
  { linkId: 'per-day', text: 'Hvor mange om dagen?', answer: [{ valueInteger: 3 }] },
  { linkId: 'weight', answer: [{ valueDecimal: 72.5 }] },
  { linkId: 'mood', answer: [{ valueCoding: { code: 'good', display: 'Godt' } }] },
  { linkId: 'children', item: [{ linkId: 'child-name', answer: [{ valueString: 'Åse Øvrebø' }] }] },
];
