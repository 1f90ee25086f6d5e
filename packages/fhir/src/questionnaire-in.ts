/**
 * Reads a Questionnaire a sender publishes: the canonical url, version, status and
 * title, whether it is a catalogue form (useContext all-citizens), and every item's
 * type checked against what the renderer can draw, so a form citizens could not fill
 * in is refused naming the item (`Questionnaire.item[2].item[0].type`).
 */
import { drawableItemTypes, type IncomingQuestionnaire } from '@innboks/core';
import { errorIssue, type OutcomeIssue } from './operation-outcome.ts';
import { isNonEmptyString, isObject, type Fail } from './reading.ts';
import { formSystems } from './systems.ts';

export type QuestionnaireParse = { ok: true; questionnaire: IncomingQuestionnaire } | { ok: false; issues: OutcomeIssue[] };

const statuses = ['draft', 'active', 'retired'] as const;
const maxDepth = 10;

export function parseQuestionnaire(body: unknown, expected: { url: string; version: string }): QuestionnaireParse {
  const issues: OutcomeIssue[] = [];
  const fail: Fail = (code, message, expression) => issues.push(errorIssue(code, message, expression));
  if (!isObject(body) || body.resourceType !== 'Questionnaire') {
    return { ok: false, issues: [errorIssue('structure', 'The body must be a FHIR Questionnaire', 'Questionnaire.resourceType')] };
  }
  if (body.url !== expected.url) fail('value', 'url must be the one in the request URL', 'Questionnaire.url');
  if (body.version !== expected.version) fail('value', 'version must be the one in the request URL', 'Questionnaire.version');
  const status = statuses.find((known) => known === body.status);
  if (!status) fail('value', 'status must be draft, active or retired', 'Questionnaire.status');
  const title = isNonEmptyString(body.title) && body.title.length <= 200 ? body.title.trim() : undefined;
  if (!title) fail('required', 'title is required (1–200 characters): the citizen sees it in the inbox and on the receipt', 'Questionnaire.title');
  if (!Array.isArray(body.item) || body.item.length === 0) fail('required', 'item: a form needs at least one item', 'Questionnaire.item');
  else readItems(body.item, 'Questionnaire', 1, new Set(), fail);

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, questionnaire: { url: expected.url, version: expected.version, status: status!, title: title!, allCitizens: isForAllCitizens(body.useContext), resource: body } };
}

function readItems(items: unknown[], parent: string, depth: number, linkIds: Set<string>, fail: Fail): void {
  items.forEach((item, index) => {
    const where = `${parent}.item[${index}]`;
    if (!isObject(item)) return fail('structure', 'an item must be an object', where);
    if (!isNonEmptyString(item.linkId)) fail('required', 'linkId is required', `${where}.linkId`);
    else if (linkIds.has(item.linkId)) fail('duplicate', `linkId ${item.linkId} is used twice`, `${where}.linkId`);
    else linkIds.add(item.linkId);
    if (!(drawableItemTypes as readonly unknown[]).includes(item.type)) {
      fail('not-supported', `type ${JSON.stringify(item.type)} cannot be drawn; the form renderer draws ${drawableItemTypes.join(', ')}`, `${where}.type`);
    }
    if (item.item === undefined) return;
    if (!Array.isArray(item.item)) return fail('structure', 'item must be a list', `${where}.item`);
    if (depth >= maxDepth) return fail('not-supported', `items may nest ${maxDepth} deep`, `${where}.item`);
    readItems(item.item, where, depth + 1, linkIds, fail);
  });
}

function isForAllCitizens(useContext: unknown): boolean {
  if (!Array.isArray(useContext)) return false;
  return useContext.some(
    (context) =>
      isObject(context) &&
      isObject(context.valueCodeableConcept) &&
      Array.isArray(context.valueCodeableConcept.coding) &&
      context.valueCodeableConcept.coding.some((coding) => isObject(coding) && coding.system === formSystems.formAvailability && coding.code === 'all-citizens'),
  );
}
