/** Identifier systems and code systems of the sender API contract. */
export const systems = {
  nationalId: 'urn:oid:2.16.578.1.12.4.1.4.1',
  dNumber: 'urn:oid:2.16.578.1.12.4.1.4.2',
  organizationNumber: 'urn:oid:2.16.578.1.12.4.1.4.101',
  messageKind: 'urn:innboks:code:message-kind',
  appointmentReply: 'urn:innboks:code:appointment-reply',
  appointmentKind: 'urn:innboks:code:appointment-kind',
  careArea: 'urn:innboks:code:care-area',
} as const;

/** Extensions of our own design, documented in the README's sender API section. */
export const extensions = {
  important: 'urn:innboks:extension:important',
  delivery: 'urn:innboks:extension:delivery',
  deliveryAttempt: 'attempt',
  firstRead: 'firstRead',
  inboxCategory: 'urn:innboks:extension:inbox-category',
  /** On a citizen's reply to an appointment: sent less than 24 hours before the start. */
  lateReply: 'urn:innboks:extension:late-reply',
  /** Who of the person's representatives may see an item (Helsenorge's code system 9603). */
  representativeAccess: 'urn:innboks:extension:representative-access',
  /** On what a representative sent: the acting person and their relation. */
  sentBy: 'urn:innboks:extension:sent-by',
} as const;

/** Codes of the forms part of the contract (SENDER-API.md, Questionnaire, Task and QuestionnaireResponse). */
export const formSystems = {
  formAvailability: 'urn:innboks:code:form-availability',
  sdcTemp: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp',
  refusal: 'urn:innboks:code:refusal',
} as const;
