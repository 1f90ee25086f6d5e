/**
 * Reads a FHIR R4 Communication sent to POST /fhir/R4/Communication into the
 * domain's IncomingLetter, or into issues that each name the element at fault
 * (`expression`), so the sender can fix exactly that.
 */
import {
  attachmentLimits,
  checkAttachment,
  checkShownText,
  describeAttachmentProblem,
  isValidNationalId,
  isValidOrganizationNumber,
  messageKinds,
  shownTextRule,
  subjectMaxLength,
  textPartMaxLength,
  type IncomingAttachment,
  type IncomingLetter,
  type MessageKind,
} from '@innboks/core';
import { errorIssue, type OutcomeIssue } from './operation-outcome.ts';
import { readAbout } from './communication-about.ts';
import { readRepresentativeAccess } from './representative-access.ts';
import { extensions, systems } from './systems.ts';
import { isNonEmptyString, isObject, readSingleIdentifier, type Fail, type Json } from './reading.ts';

export type ParseResult = { ok: true; letter: IncomingLetter } | { ok: false; issues: OutcomeIssue[] };

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseCommunication(body: unknown): ParseResult {
  const issues: OutcomeIssue[] = [];
  const fail = (code: Parameters<typeof errorIssue>[0], message: string, expression: string) => {
    issues.push(errorIssue(code, message, expression));
  };

  if (!isObject(body)) {
    return { ok: false, issues: [errorIssue('structure', 'The body must be a JSON object: a FHIR Communication', 'Communication')] };
  }
  if (body.resourceType !== 'Communication') {
    fail('invalid', 'resourceType must be "Communication"', 'Communication.resourceType');
  }
  if (body.status !== undefined && !['preparation', 'in-progress', 'completed'].includes(String(body.status))) {
    fail('value', 'status must be preparation, in-progress or completed', 'Communication.status');
  }

  const citizenNationalId = readSubject(body.subject, fail);
  const { organizationNumber, senderDisplay } = readSender(body.sender, fail);
  const identifier = readSingleIdentifier(body.identifier, 'Communication.identifier', "the sender's own id for this letter", fail);
  const subject = readTopic(body.topic, fail);
  const kind = readKind(body.category, fail);
  const priority = readPriority(body.priority, fail);
  const important = readImportant(body.extension, fail);
  const representativeAccess = readRepresentativeAccess(body.extension, 'Communication', fail);
  const { textParts, attachments } = readPayload(body.payload, fail);
  const inResponseTo = readInResponseTo(body.inResponseTo, fail);
  const about = readAbout(body, citizenNationalId, fail);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    letter: {
      citizenNationalId: citizenNationalId!,
      organizationNumber: organizationNumber!,
      senderDisplay,
      identifier: identifier!,
      subject: subject!,
      kind,
      priority,
      important,
      textParts,
      attachments,
      inResponseTo,
      about,
      representativeAccess,
    },
  };
}

function readSubject(subject: unknown, fail: Fail): string | undefined {
  const where = 'Communication.subject.identifier';
  if (!isObject(subject) || !isObject(subject.identifier)) {
    fail('required', 'subject.identifier (the citizen\'s national id or D-number) is required', where);
    return undefined;
  }
  const { system, value } = subject.identifier;
  if (system !== systems.nationalId && system !== systems.dNumber) {
    fail('value', `subject.identifier.system must be ${systems.nationalId} or ${systems.dNumber}`, `${where}.system`);
    return undefined;
  }
  if (typeof value !== 'string' || !isValidNationalId(value)) {
    fail('value', 'subject.identifier.value is not a valid national id or D-number (11 digits, check digits)', `${where}.value`);
    return undefined;
  }
  return value;
}

function readSender(sender: unknown, fail: Fail): { organizationNumber?: string; senderDisplay?: string } {
  const where = 'Communication.sender.identifier';
  if (!isObject(sender) || !isObject(sender.identifier)) {
    fail('required', 'sender.identifier (the organisation number) is required', where);
    return {};
  }
  const { system, value } = sender.identifier;
  if (system !== systems.organizationNumber) {
    fail('value', `sender.identifier.system must be ${systems.organizationNumber}`, `${where}.system`);
    return {};
  }
  if (typeof value !== 'string' || !isValidOrganizationNumber(value)) {
    fail('value', 'sender.identifier.value must be a valid 9-digit organisation number', `${where}.value`);
    return {};
  }
  let senderDisplay: string | undefined;
  if (sender.display !== undefined) {
    const where = 'Communication.sender.display';
    const shown = typeof sender.display === 'string' ? checkShownText(sender.display) : undefined;
    if (shown && !shown.ok && shown.problem === 'invisible-characters') fail('value', `sender.display ${shownTextRule}`, where);
    else if (!shown?.ok || shown.text.length > 200) fail('value', 'sender.display must be 1–200 characters', where);
    else senderDisplay = shown.text;
  }
  return { organizationNumber: value, senderDisplay };
}

function readTopic(topic: unknown, fail: Fail): string | undefined {
  const where = 'Communication.topic.text';
  const shown = isObject(topic) && typeof topic.text === 'string' ? checkShownText(topic.text) : undefined;
  if (shown && !shown.ok && shown.problem === 'invisible-characters') {
    fail('value', `topic.text ${shownTextRule}`, where);
    return undefined;
  }
  if (!shown?.ok) {
    fail('required', 'topic.text (the subject line) is required', where);
    return undefined;
  }
  const text = shown.text;
  if (text.length > subjectMaxLength) {
    fail('too-long', `topic.text is longer than ${subjectMaxLength} characters`, where);
    return undefined;
  }
  return text;
}

function readKind(category: unknown, fail: Fail): MessageKind {
  if (category === undefined) return 'letter';
  const where = 'Communication.category';
  const codings = Array.isArray(category) && isObject(category[0]) ? category[0].coding : undefined;
  const ours = Array.isArray(codings) ? codings.filter((coding) => isObject(coding) && coding.system === systems.messageKind) : [];
  if (!Array.isArray(category) || category.length !== 1 || ours.length !== 1) {
    fail('value', `category must be one coding from ${systems.messageKind}`, where);
    return 'letter';
  }
  const code = (ours[0] as Json).code;
  if (!(messageKinds as readonly unknown[]).includes(code)) {
    fail('value', `category code must be one of ${messageKinds.join(', ')}`, `${where}[0].coding[0].code`);
    return 'letter';
  }
  return code as MessageKind;
}

function readPriority(priority: unknown, fail: Fail): 'routine' | 'urgent' {
  if (priority === undefined) return 'routine';
  if (priority !== 'routine' && priority !== 'urgent') {
    fail('value', 'priority must be routine or urgent', 'Communication.priority');
    return 'routine';
  }
  return priority;
}

function readImportant(extensionList: unknown, fail: Fail): boolean {
  if (extensionList === undefined) return false;
  if (!Array.isArray(extensionList)) {
    fail('structure', 'extension must be a list', 'Communication.extension');
    return false;
  }
  const index = extensionList.findIndex((extension) => isObject(extension) && extension.url === extensions.important);
  if (index < 0) return false;
  const value = (extensionList[index] as Json).valueBoolean;
  if (typeof value !== 'boolean') {
    fail('value', `extension ${extensions.important} takes valueBoolean`, `Communication.extension[${index}].valueBoolean`);
    return false;
  }
  return value;
}

function readPayload(payload: unknown, fail: Fail): { textParts: string[]; attachments: IncomingAttachment[] } {
  const textParts: string[] = [];
  const attachments: IncomingAttachment[] = [];
  const where = 'Communication.payload';
  if (!Array.isArray(payload) || payload.length === 0) {
    fail('required', 'payload needs at least one contentString or contentAttachment', where);
    return { textParts, attachments };
  }
  let totalBytes = 0;
  payload.forEach((part: unknown, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(part)) {
      fail('structure', 'each payload must be an object', at);
      return;
    }
    const hasText = part.contentString !== undefined;
    const hasAttachment = part.contentAttachment !== undefined;
    if (hasText === hasAttachment) {
      fail('structure', 'each payload has exactly one of contentString or contentAttachment', at);
      return;
    }
    if (hasText) {
      if (!isNonEmptyString(part.contentString)) {
        fail('value', 'contentString must be non-empty text', `${at}.contentString`);
      } else if (part.contentString.length > textPartMaxLength) {
        fail('too-long', `contentString is longer than ${textPartMaxLength} characters`, `${at}.contentString`);
      } else {
        textParts.push(part.contentString);
      }
      return;
    }
    const attachment = readAttachment(part.contentAttachment, `${at}.contentAttachment`, fail);
    if (attachment) {
      totalBytes += attachment.data.length;
      attachments.push({ ...attachment, position: index });
    }
  });
  if (attachments.length > attachmentLimits.maxAttachments) {
    fail('business-rule', `at most ${attachmentLimits.maxAttachments} attachments per letter`, where);
  }
  if (totalBytes > attachmentLimits.maxTotalBytes) {
    fail('too-long', describeAttachmentProblem({ code: 'total-too-large', max: attachmentLimits.maxTotalBytes }), where);
  }
  return { textParts, attachments };
}

function readAttachment(value: unknown, at: string, fail: Fail): Omit<IncomingAttachment, 'position'> | undefined {
  if (!isObject(value)) {
    fail('structure', 'contentAttachment must be an object', at);
    return undefined;
  }
  if (!isNonEmptyString(value.contentType)) {
    fail('required', 'contentAttachment.contentType is required', `${at}.contentType`);
    return undefined;
  }
  if (!isNonEmptyString(value.title) || value.title.length > attachmentLimits.maxTitleLength) {
    fail('required', `contentAttachment.title is required (1–${attachmentLimits.maxTitleLength} characters)`, `${at}.title`);
    return undefined;
  }
  if (value.url !== undefined && value.data === undefined) {
    fail('not-supported', 'attachments by url are not supported; send the file as base64 data', `${at}.url`);
    return undefined;
  }
  if (typeof value.data !== 'string' || value.data.length === 0 || value.data.length % 4 !== 0 || !base64Pattern.test(value.data)) {
    fail('value', 'contentAttachment.data must be base64', `${at}.data`);
    return undefined;
  }
  // Refuse before decoding what could never fit.
  if ((value.data.length / 4) * 3 > attachmentLimits.maxBytesPerAttachment + 2) {
    fail('too-long', describeAttachmentProblem({ code: 'too-large', max: attachmentLimits.maxBytesPerAttachment }), `${at}.data`);
    return undefined;
  }
  const data = new Uint8Array(Buffer.from(value.data, 'base64'));
  const problem = checkAttachment(value.contentType, data);
  if (problem) {
    const expression = problem.code === 'type-not-allowed' ? `${at}.contentType` : `${at}.data`;
    fail(problem.code === 'too-large' ? 'too-long' : 'value', describeAttachmentProblem(problem), expression);
    return undefined;
  }
  return { title: value.title.trim(), contentType: value.contentType.split(';')[0]!.trim().toLowerCase(), data };
}

function readInResponseTo(value: unknown, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  const where = 'Communication.inResponseTo';
  if (!Array.isArray(value) || value.length !== 1 || !isObject(value[0]) || typeof value[0].reference !== 'string') {
    fail('structure', 'inResponseTo takes one reference "Communication/<id>"', where);
    return undefined;
  }
  const match = /^Communication\/([0-9a-f-]{36})$/i.exec(value[0].reference);
  if (!match) {
    fail('value', 'inResponseTo reference must be "Communication/<id>"', `${where}[0].reference`);
    return undefined;
  }
  return match[1]!.toLowerCase();
}
