/** How the forms tables are read into what the sender API answers with: one select shape for Tasks, one for responses. */
import type { Kysely, Transaction } from 'kysely';
import type { FormResponseForSender, FormTaskForSender } from '@innboks/fhir';
import type { Database } from '../../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export function selectTasks(db: Executor) {
  return db
    .selectFrom('form_task as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .innerJoin('questionnaire as q', 'q.id', 't.questionnaire_id')
    .select([
      't.id',
      't.version_id',
      't.identifier_system',
      't.identifier_value',
      't.status',
      't.status_reason',
      't.description',
      't.closes_at',
      't.response_id',
      't.created_at',
      't.updated_at',
      'c.national_id',
      'o.org_number',
      'q.url',
      'q.version',
    ]);
}

type TaskSelection = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function taskForSender(row: TaskSelection): FormTaskForSender {
  return {
    id: row.id,
    versionId: row.version_id,
    identifier: { system: row.identifier_system, value: row.identifier_value },
    status: row.status,
    statusReason: row.status_reason,
    description: row.description,
    citizenNationalId: row.national_id,
    organizationNumber: row.org_number,
    questionnaire: { url: row.url, version: row.version },
    closesAt: row.closes_at,
    responseId: row.response_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Submitted responses only: a draft is the citizen's until it is sent. */
export function selectResponses(db: Executor) {
  return db
    .selectFrom('form_response as r')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('questionnaire as q', 'q.id', 'r.questionnaire_id')
    .leftJoin('citizen_by_national_id as author_id', 'author_id.national_id', 'r.author_national_id')
    .leftJoin('citizen as author', 'author.id', 'author_id.citizen_id')
    .select(['r.id', 'r.task_id', 'r.items', 'r.author_national_id', 'r.author_relation', 'author.name as author_name', 'r.authored_at', 'r.updated_at', 'c.national_id', 'q.url', 'q.version'])
    .where('r.status', '=', 'completed');
}

type ResponseSelection = Awaited<ReturnType<ReturnType<typeof selectResponses>['executeTakeFirstOrThrow']>>;

export function responseForSender(row: ResponseSelection): FormResponseForSender {
  return {
    id: row.id,
    taskId: row.task_id,
    questionnaire: { url: row.url, version: row.version },
    citizenNationalId: row.national_id,
    authorNationalId: row.author_national_id,
    authorName: row.author_name ?? '',
    authorRelation: row.author_relation,
    authoredAt: row.authored_at ?? row.updated_at,
    items: row.items,
    updatedAt: row.updated_at,
  };
}
