/** Forms back to the sender as FHIR R4: the Questionnaire as published, the Task's state, the QuestionnaireResponse. */
import type { RepresentationRelation, TaskStatus } from '@innboks/core';
import { extensions, formSystems, systems } from './systems.ts';
import { nationalIdSystemOf } from './appointment-out.ts';

export interface QuestionnaireForSender {
  id: string;
  versionId: number;
  updatedAt: Date;
  resource: Record<string, unknown>;
}

export interface FormTaskForSender {
  id: string;
  versionId: number;
  identifier: { system: string; value: string };
  status: TaskStatus;
  statusReason: string | null;
  description: string | null;
  citizenNationalId: string;
  organizationNumber: string;
  questionnaire: { url: string; version: string };
  closesAt: Date | null;
  responseId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FormResponseForSender {
  id: string;
  taskId: string | null;
  questionnaire: { url: string; version: string };
  citizenNationalId: string;
  authorNationalId: string;
  authorName: string;
  /** How the author acts for the person; null when the person filled it in. */
  authorRelation: RepresentationRelation | null;
  authoredAt: Date;
  items: unknown[];
  updatedAt: Date;
}

const personIdentifier = (nationalId: string) => ({ system: nationalIdSystemOf(nationalId), value: nationalId });

export function toQuestionnaire(stored: QuestionnaireForSender): Record<string, unknown> {
  return { ...stored.resource, id: stored.id, meta: { versionId: String(stored.versionId), lastUpdated: stored.updatedAt.toISOString() } };
}

export function toTask(task: FormTaskForSender) {
  return {
    resourceType: 'Task',
    id: task.id,
    meta: { versionId: String(task.versionId), lastUpdated: task.updatedAt.toISOString() },
    identifier: [task.identifier],
    status: task.status,
    ...(task.statusReason ? { statusReason: { text: task.statusReason } } : {}),
    intent: 'order',
    code: { coding: [{ system: formSystems.sdcTemp, code: 'complete-questionnaire' }] },
    ...(task.description ? { description: task.description } : {}),
    for: { identifier: personIdentifier(task.citizenNationalId) },
    authoredOn: task.createdAt.toISOString(),
    lastModified: task.updatedAt.toISOString(),
    requester: { identifier: { system: systems.organizationNumber, value: task.organizationNumber } },
    ...(task.closesAt ? { restriction: { period: { end: task.closesAt.toISOString() } } } : {}),
    input: [{ type: { coding: [{ system: formSystems.sdcTemp, code: 'questionnaire' }] }, valueCanonical: `${task.questionnaire.url}|${task.questionnaire.version}` }],
    ...(task.responseId
      ? { output: [{ type: { coding: [{ system: formSystems.sdcTemp, code: 'questionnaire-response' }] }, valueReference: { reference: `QuestionnaireResponse/${task.responseId}` } }] }
      : {}),
  };
}

export function toQuestionnaireResponse(response: FormResponseForSender) {
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    meta: { versionId: '1', lastUpdated: response.updatedAt.toISOString() },
    ...(response.taskId ? { basedOn: [{ reference: `Task/${response.taskId}` }] } : {}),
    questionnaire: `${response.questionnaire.url}|${response.questionnaire.version}`,
    status: 'completed',
    subject: { identifier: personIdentifier(response.citizenNationalId) },
    authored: response.authoredAt.toISOString(),
    author: { identifier: personIdentifier(response.authorNationalId), ...(response.authorName ? { display: response.authorName } : {}) },
    // Who filled it in and by which relation, as on a citizen's message (SENDER-API "Representation").
    extension: [
      {
        url: extensions.sentBy,
        valueReference: {
          identifier: personIdentifier(response.authorNationalId),
          ...(response.authorName ? { display: response.authorName } : {}),
          extension: [{ url: 'relation', valueCode: response.authorRelation ?? 'self' }],
        },
      },
    ],
    ...(response.items.length > 0 ? { item: response.items } : {}),
  };
}
