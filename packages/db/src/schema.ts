/** Kysely table types; they mirror the migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccessedObject, Language, RepresentationRelation, RepresentativeAccess } from '@innboks/core';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CitizenTable {
  id: Generated<string>;
  national_id: string;
  name: string;
  portal_user: Generated<boolean>;
  municipality: string | null;
  birth_date: ColumnType<Date | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
  /** The citizen's chosen language; null until they choose (migration 0019). */
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
}

export type OrganizationKind = 'hospital' | 'gp' | 'municipal-service' | 'research' | 'survey' | 'forms';

export interface OrganizationTable {
  id: Generated<string>;
  org_number: string;
  name: string;
  kind: OrganizationKind;
  region: string | null;
  created_at: DefaultTimestamp;
  /** For municipal services: the municipality it serves (migration 0005). */
  municipality: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SenderClientTable {
  client_id: string;
  organization_id: string;
  name: string;
  jwks: Json<{ keys: Record<string, unknown>[] }>;
  created_at: DefaultTimestamp;
}

export interface ThreadTable {
  id: string;
  citizen_id: string;
  organization_id: string;
  category: string;
  subject: string;
  sender_name: string;
  important: Generated<boolean>;
  unread: Generated<boolean>;
  archived: Generated<boolean>;
  has_attachments: Generated<boolean>;
  message_count: Generated<number>;
  /** Who wrote the thread's first message (migration 0014). */
  started_by: Generated<'sender' | 'citizen'>;
  last_activity_at: Timestamp;
  created_at: DefaultTimestamp;
  /** The words of all the thread's messages, kept by a trigger on message (migration 0007). */
  search: ColumnType<string, never, never>;
  /** The sender's representative-access code, null when it gave none (migration 0016). */
  representative_access: ColumnType<RepresentativeAccess | null, RepresentativeAccess | null | undefined, RepresentativeAccess | null>;
}

/** Unread, not archived threads per citizen and category, kept by triggers on thread (migration 0009). */
export interface CitizenUnreadTable {
  citizen_id: string;
  category: string;
  unread: number;
}

export interface MessageTable {
  id: string;
  citizen_id: string;
  thread_id: string;
  organization_id: string;
  direction: 'to-citizen' | 'from-citizen';
  kind: string;
  subject: string;
  sender_name: string;
  text_parts: Json<string[]>;
  body: string;
  priority: 'routine' | 'urgent';
  important: boolean;
  identifier_system: string;
  identifier_value: string;
  in_response_to: string | null;
  status: Generated<string>;
  sent_at: Timestamp;
  first_read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: DefaultTimestamp;
  search: ColumnType<string, never, never>;
  /** Who wrote it for the person, when a representative did (migration 0016). */
  sent_by_national_id: ColumnType<string | null, string | null | undefined, string | null>;
  sent_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  sent_by_relation: ColumnType<RepresentationRelation | null, RepresentationRelation | null | undefined, RepresentationRelation | null>;
}

export interface AttachmentTable {
  id: string;
  citizen_id: string;
  message_id: string;
  position: number;
  title: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
}

export type DeliveryState = 'queued' | 'sending' | 'delivered' | 'read' | 'failed' | 'skipped';

export interface DeliveryAttemptTable {
  id: Generated<string>;
  citizen_id: string;
  message_id: string;
  channel: string;
  state: DeliveryState;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliveryEventTable {
  id: Generated<number>;
  citizen_id: string;
  message_id: string;
  channel: string;
  state: string;
  at: Timestamp;
  detail: string | null;
}

export interface IdempotencyRecordTable {
  client_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  location: string | null;
  response: Json<unknown>;
  created_at: DefaultTimestamp;
}

export interface JobTable {
  id: Generated<number>;
  /** The citizen the job concerns (its payload's `citizenId`), or `jobWithoutCitizen`: the queue is distributed with the data (migration 0022). */
  citizen_id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  state: Generated<'queued' | 'running' | 'dead'>;
  run_at: DefaultTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: DefaultTimestamp;
}

/** Who holds a sender's identifier, per organisation and kind (migration 0022; repositories/sender-identifiers.ts). */
export interface SenderIdentifierTable {
  organization_id: string;
  kind: 'message' | 'appointment' | 'service_enrolment' | 'form_task';
  identifier_system: string;
  identifier_value: string;
  citizen_id: string;
  item_id: string;
}

/** Which citizen a national id names: the one key that keeps a national id to one citizen (migration 0025; repositories/citizens.ts). */
export interface CitizenByNationalIdTable {
  national_id: string;
  citizen_id: string;
}

export interface CitizenSessionTable {
  id: string;
  citizen_id: string;
  acr: string;
  id_token: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** Whom the session acts for (migration 0016); null for the citizen themselves. */
  acting_for_citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OidcPayloadTable {
  /** oidc-provider model name: Session, Grant, Interaction, AuthorizationCode, ReplayDetection, … */
  model: string;
  id: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  consumed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CitizenLoginStateTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AppointmentTable {
  id: string;
  citizen_id: string;
  organization_id: string;
  identifier_system: string;
  identifier_value: string;
  status: string;
  start_at: Timestamp;
  end_at: Timestamp;
  kind: 'in-person' | 'video' | 'phone';
  care_area: 'somatic' | 'mental-health' | 'substance-abuse';
  clinic: string | null;
  place: string | null;
  description: string | null;
  patient_instruction: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The sender's representative-access code, null when it gave none (migration 0016). */
  representative_access: ColumnType<RepresentativeAccess | null, RepresentativeAccess | null | undefined, RepresentativeAccess | null>;
}

export interface DeliveryPlanTable {
  citizen_id: string;
  message_id: string;
  channels: Json<string[]>;
  step: Generated<number>;
  notices: Json<string[]>;
  facts: Json<Record<string, unknown>>;
  unread_fallback_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  unread_fallback_done: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type NoticeState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface NoticeTable {
  citizen_id: string;
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  state: NoticeState;
  due_at: Timestamp;
  sending_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  provider_id: string | null;
  detail: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentMessageTable {
  citizen_id: string;
  message_id: string;
  appointment_id: string;
  role: 'letter' | 'reply';
  reason: string | null;
  late: boolean | null;
  created_at: Timestamp;
}

export interface NoticeLetterTable {
  citizen_id: string;
  notice_id: string;
  message_id: string;
  /** The child whose letter a parent's notice stands for; null when it is the notice's own citizen's (migration 0023). */
  letter_citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NoticeThrottleTable {
  citizen_id: string;
  channel: 'sms' | 'email';
  last_notice_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NoticeSettingTable {
  citizen_id: string;
  choice: 'sms' | 'email' | 'both';
  updated_at: Timestamp;
}

export interface DeadLetterTable {
  id: Generated<number>;
  citizen_id: string;
  message_id: string | null;
  notice_id: string | null;
  step: string;
  reason: string;
  attempts: number;
  created_at: Timestamp;
  replayed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A Dialogmelding or AppRec-carrying message in or out over AMQP (migration 0017). */
/** An organisation as a MsgHead names it (the dialogmelding package's Organisation, kept as JSON). */
export interface DialogParty {
  name: string;
  herId: string;
  organisationNumber?: string | undefined;
  department?: { name: string; herId: string | undefined } | undefined;
}

export interface DialogExchangeTable {
  id: Generated<string>;
  direction: 'in' | 'out';
  counterpart_her_id: string;
  msg_id: string;
  message_type: string;
  /** RefToConversation: the MsgId that began the conversation. */
  conversation_id: string;
  citizen_id: string | null;
  message_id: string | null;
  app_rec_status: '1' | '2' | '3' | null;
  app_rec_errors: Json<{ code: string; description: string; details?: string | undefined }[]> | null;
  /** The party as it named itself in MsgHead/Sender (migration 0021): where an answer is addressed. */
  counterpart: Json<DialogParty> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Deliveries of one AMQP message that failed for an unknown reason (migration 0017). */
export interface DialogFailureTable {
  transport_message_id: string;
  from_her_id: string;
  deliveries: number;
  last_error: string;
  dead_lettered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
}

export interface Database {
  citizen: CitizenTable;
  organization: OrganizationTable;
  sender_client: SenderClientTable;
  thread: ThreadTable;
  citizen_unread: CitizenUnreadTable;
  message: MessageTable;
  attachment: AttachmentTable;
  delivery_attempt: DeliveryAttemptTable;
  delivery_event: DeliveryEventTable;
  idempotency_record: IdempotencyRecordTable;
  job: JobTable;
  sender_identifier: SenderIdentifierTable;
  citizen_by_national_id: CitizenByNationalIdTable;
  citizen_session: CitizenSessionTable;
  oidc_payload: OidcPayloadTable;
  citizen_login_state: CitizenLoginStateTable;
  municipality: MunicipalityTable;
  municipal_service: MunicipalServiceTable;
  service_enrolment: ServiceEnrolmentTable;
  staff_member: StaffMemberTable;
  staff_membership: StaffMembershipTable;
  staff_session: StaffSessionTable;
  staff_login_state: StaffLoginStateTable;
  municipal_thread: MunicipalThreadTable;
  municipal_message: MunicipalMessageTable;
  access_log: AccessLogTable;
  access_log_head: AccessLogHeadTable;
  access_log_seal: AccessLogSealTable;
  appointment: AppointmentTable;
  appointment_message: AppointmentMessageTable;
  delivery_plan: DeliveryPlanTable;
  notice: NoticeTable;
  notice_letter: NoticeLetterTable;
  notice_throttle: NoticeThrottleTable;
  notice_setting: NoticeSettingTable;
  dead_letter: DeadLetterTable;
  dialog_exchange: DialogExchangeTable;
  dialog_failure: DialogFailureTable;
  questionnaire: QuestionnaireTable;
  form_task: FormTaskTable;
  form_response: FormResponseTable;
  research_reservation: ResearchReservationTable;
  power_of_attorney: PowerOfAttorneyTable;
  representation_log: RepresentationLogTable;
  operator_audit: OperatorAuditTable;
  queue_sample: QueueSampleTable;
}

// The operator's screen (migration 0024).

export type OperatorAction = 'overview' | 'search' | 'timeline' | 'dead-letters' | 'replay' | 'stop' | 'audit-log';

/** One row per operator request; append-only. */
export interface OperatorAuditTable {
  id: Generated<number>;
  at: Timestamp;
  staff_id: string;
  staff_name: string;
  action: OperatorAction;
  object_ids: ColumnType<string[], string[] | undefined, never>;
  detail: string | null;
}

/** The job queue's depth per kind in one five-minute slot, written by the sweeper. */
export interface QueueSampleTable {
  sampled_at: Timestamp;
  kind: string;
  queued: number;
  running: number;
  dead: number;
}

// Acting for others (migration 0016).

export interface PowerOfAttorneyTable {
  id: Generated<string>;
  /** The person who gave it. */
  citizen_id: string;
  holder_citizen_id: string;
  area: Generated<'digital-health-services'>;
  given_at: Timestamp;
  /** The last Oslo day it holds (`YYYY-MM-DD`), null for open-ended. */
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ended_by: ColumnType<'person' | 'holder' | null, 'person' | 'holder' | null | undefined, 'person' | 'holder' | null>;
}

export interface RepresentationLogTable {
  id: Generated<number>;
  /** The person acted for. */
  citizen_id: string;
  representative_citizen_id: string;
  representative_name: string;
  relation: RepresentationRelation;
  action: string;
  object_kind: string;
  object_id: string | null;
  at: Timestamp;
}

export type CitizenRow = Selectable<CitizenTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type ThreadRow = Selectable<ThreadTable>;
export type MessageRow = Selectable<MessageTable>;
export type NewMessage = Insertable<MessageTable>;

// Municipal health and care services (migration 0005).

export interface MunicipalityTable {
  name: string;
  in_trial: Generated<boolean>;
}

export interface MunicipalServiceTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  name: string;
  digital_contact: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type EnrolmentStatus = 'planned' | 'waitlist' | 'active' | 'onhold' | 'finished' | 'cancelled' | 'entered-in-error';

export interface ServiceEnrolmentTable {
  id: Generated<string>;
  citizen_id: string;
  service_id: string;
  organization_id: string;
  identifier_system: string;
  identifier_value: string;
  status: EnrolmentStatus;
  period_start: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  period_end: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffMemberTable {
  id: Generated<string>;
  national_id: string;
  hpr_number: string | null;
  name: string;
  created_at: DefaultTimestamp;
  /** Runs the service: may open the operator's screen (migration 0024). */
  operator: Generated<boolean>;
}

export interface StaffMembershipTable {
  staff_id: string;
  service_id: string;
  created_at: DefaultTimestamp;
}

export interface StaffSessionTable {
  id: string;
  staff_id: string;
  id_token: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export type StaffLoginStateTable = CitizenLoginStateTable;

export interface MunicipalThreadTable {
  citizen_id: string;
  thread_id: string;
  service_id: string;
  status: Generated<'open' | 'closed'>;
  awaiting_answer_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  assigned_staff_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MunicipalMessageTable {
  citizen_id: string;
  message_id: string;
  thread_id: string;
  service_id: string;
  author_staff_id: string | null;
  expected_answer_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `thread-summary`: a thread's citizen and subject shown in a staff list. */
export type AccessLogObjectType = AccessedObject;

export interface AccessLogTable {
  /** Position in the hash chain; set by the database. */
  seq: ColumnType<number, never, never>;
  at: Timestamp;
  staff_id: string;
  staff_name: string;
  service_id: string;
  service_name: string;
  citizen_id: string;
  object_type: AccessLogObjectType;
  object_id: string;
  thread_id: string;
  /** Both set by the database's chain trigger. */
  prev_hash: ColumnType<string, string | undefined, never>;
  hash: ColumnType<string, string | undefined, never>;
}

/** An HMAC of an access_log row's hash under a key outside the database (migration 0014). */
export interface AccessLogSealTable {
  seq: number;
  mac: string;
}

export interface AccessLogHeadTable {
  id: boolean;
  seq: number;
  hash: string;
}

// Forms, surveys and research (migration 0018).

export interface QuestionnaireTable {
  id: Generated<string>;
  organization_id: string;
  url: string;
  version: string;
  status: 'draft' | 'active' | 'retired';
  title: string;
  all_citizens: Generated<boolean>;
  resource: Json<Record<string, unknown>>;
  version_id: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FormTaskTable {
  id: Generated<string>;
  citizen_id: string;
  organization_id: string;
  questionnaire_id: string;
  identifier_system: string;
  identifier_value: string;
  status: 'requested' | 'in-progress' | 'completed' | 'failed' | 'cancelled';
  status_reason: string | null;
  description: string | null;
  closes_at: Timestamp | null;
  message_id: string;
  response_id: string | null;
  version_id: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The sender's representative-access code, null when it gave none (migration 0023). */
  representative_access: ColumnType<RepresentativeAccess | null, RepresentativeAccess | null | undefined, RepresentativeAccess | null>;
}

export interface FormResponseTable {
  id: Generated<string>;
  citizen_id: string;
  questionnaire_id: string;
  organization_id: string;
  task_id: string | null;
  status: 'in-progress' | 'completed';
  items: Json<unknown[]>;
  author_national_id: string;
  /** How the author acts for the person; null when it is the person (migration 0023). */
  author_relation: ColumnType<RepresentationRelation | null, RepresentationRelation | null | undefined, RepresentationRelation | null>;
  authored_at: Timestamp | null;
  receipt_message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResearchReservationTable {
  citizen_id: string;
  reserved_at: Timestamp;
}

export type QuestionnaireRow = Selectable<QuestionnaireTable>;
export type FormTaskRow = Selectable<FormTaskTable>;
export type FormResponseRow = Selectable<FormResponseTable>;
