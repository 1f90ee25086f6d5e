/**
 * Reading MsgHead 1.2 + Dialogmelding 1.1 by the standards' structure: the elements
 * Innboks relies on, their cardinalities and code systems. Everything wrong is
 * collected and reported together, by element path (StructureInvalid).
 */
import { parseXml, type XmlNode } from './safe-xml.ts';
import { declaresNamespace, textOf, XmlReader } from './xml-reader.ts';
import { codeSystems, dialogMessageTypes, namespaces, type DialogMessageType } from './standards.ts';
import type { DialogAttachment, DialogBody, DialogMessage, Organisation } from './dialog-message.ts';

export function readDialogMessage(xml: string): DialogMessage {
  const document = parseXml(xml);
  const declared = (namespace: string) => declaresNamespace(xml, namespace);
  const reader = new XmlReader();
  const root = reader.one(document, 'MsgHead', '');
  // Prefixes are dropped when parsing (senders use both `mh:MsgHead` and a default namespace): the namespaces must be declared.
  if (root && !declaresNamespace(xml, namespaces.msgHead)) reader.fail('/MsgHead/@xmlns', `must be ${namespaces.msgHead}`);
  const info = reader.one(root, 'MsgInfo', '/MsgHead');
  const at = '/MsgHead/MsgInfo';
  const type = reader.code(info, 'Type', at, { system: codeSystems.messageType, values: dialogMessageTypes })?.v as DialogMessageType | undefined;
  reader.text(info, 'MIGversion', at);
  const genDate = reader.text(info, 'GenDate', at);
  const msgId = reader.text(info, 'MsgId', at);
  const ack = reader.optional(info, 'Ack', at);
  const ackValue = ack ? reader.codeOf(ack, `${at}/Ack`, { values: ['J', 'N'] })?.v : undefined;
  const conversation = reader.optional(info, 'ConversationRef', at);
  const conversationRef = conversation
    ? { refToParent: reader.text(conversation, 'RefToParent', `${at}/ConversationRef`), refToConversation: reader.text(conversation, 'RefToConversation', `${at}/ConversationRef`) }
    : undefined;
  const sender = readOrganisation(reader, reader.one(reader.one(info, 'Sender', at), 'Organisation', `${at}/Sender`), `${at}/Sender/Organisation`);
  const receiver = readOrganisation(reader, reader.one(reader.one(info, 'Receiver', at), 'Organisation', `${at}/Receiver`), `${at}/Receiver/Organisation`);
  const patientNode = reader.one(info, 'Patient', at);
  const patient = {
    nationalId: readPersonId(reader, patientNode, `${at}/Patient`),
    givenName: reader.optionalText(patientNode, 'GivenName', `${at}/Patient`),
    familyName: reader.optionalText(patientNode, 'FamilyName', `${at}/Patient`),
  };

  const documents = root ? reader.many(root, 'Document', '/MsgHead', 1, 11) : [];
  let body: DialogBody | undefined;
  const attachments: DialogAttachment[] = [];
  documents.forEach((document, index) => {
    const path = `/MsgHead/Document[${index + 1}]`;
    const refDoc = reader.one(document, 'RefDoc', path);
    const content = reader.one(refDoc, 'Content', `${path}/RefDoc`);
    if (index === 0) body = readDialogmelding(reader, declared, content, `${path}/RefDoc/Content`);
    else {
      const attachment = readAttachment(reader, refDoc, content, `${path}/RefDoc`);
      if (attachment) attachments.push(attachment);
    }
  });
  reader.throwIfInvalid();
  return {
    type: type!,
    msgId,
    genDate,
    ackRequested: ackValue === 'J',
    conversationRef,
    sender: sender!,
    receiver: receiver!,
    patient,
    body: body!,
    attachments,
  };
}

function identifiers(reader: XmlReader, node: XmlNode | undefined, path: string, system: string, min = 1): Map<string, string> {
  const found = new Map<string, string>();
  reader.many(node, 'Ident', path, min, 10).forEach((ident, index) => {
    const at = `${path}/Ident[${index + 1}]`;
    const id = reader.text(ident, 'Id', at);
    const type = reader.code(ident, 'TypeId', at, { system })?.v;
    if (type && id) found.set(type, id);
  });
  return found;
}

function readOrganisation(reader: XmlReader, node: XmlNode | undefined, path: string): Organisation | undefined {
  if (!node) return undefined;
  const name = reader.text(node, 'OrganisationName', path);
  const ids = identifiers(reader, node, path, codeSystems.organisationIdType);
  const herId = ids.get('HER');
  if (!herId) reader.fail(`${path}/Ident`, 'an Ident with TypeId HER is required');
  else if (!/^\d{1,9}$/.test(herId)) reader.fail(`${path}/Ident`, 'a HER-id is digits only');
  const inner = reader.optional(node, 'Organisation', path);
  const department = inner
    ? { name: reader.text(inner, 'OrganisationName', `${path}/Organisation`), herId: identifiers(reader, inner, `${path}/Organisation`, codeSystems.organisationIdType, 0).get('HER') }
    : undefined;
  return { name, herId: herId ?? '', organisationNumber: ids.get('ENH'), department };
}

function readPersonId(reader: XmlReader, node: XmlNode | undefined, path: string): string {
  if (!node) return '';
  const ids = identifiers(reader, node, path, codeSystems.personIdType);
  const id = ids.get('FNR') ?? ids.get('DNR');
  if (!id) reader.fail(`${path}/Ident`, 'an Ident with TypeId FNR or DNR is required');
  return id ?? '';
}

function readDialogmelding(reader: XmlReader, declared: (namespace: string) => boolean, content: XmlNode | undefined, path: string): DialogBody | undefined {
  const dialog = reader.one(content, 'Dialogmelding', path);
  if (!dialog) return undefined;
  if (!declared(namespaces.dialogmelding)) reader.fail(`${path}/Dialogmelding/@xmlns`, `must be ${namespaces.dialogmelding}`);
  const at = `${path}/Dialogmelding`;
  const notat = reader.many(dialog, 'Notat', at, 0, 1)[0];
  const question = reader.many(dialog, 'Foresporsel', at, 0, 1)[0];
  if (Boolean(notat) === Boolean(question)) {
    reader.fail(at, 'exactly one of Notat and Foresporsel is required');
    return undefined;
  }
  if (notat) {
    const topicCode = reader.optional(notat, 'TemaKodet', `${at}/Notat`);
    return {
      kind: 'notat',
      topic: reader.text(notat, 'Tema', `${at}/Notat`),
      text: reader.text(notat, 'TekstNotatInnhold', `${at}/Notat`),
      topicCode: topicCode ? reader.codeOf(topicCode, `${at}/Notat/TemaKodet`, { system: codeSystems.noteTopic }) : undefined,
    };
  }
  const questionType = reader.code(question, 'TypeForesp', `${at}/Foresporsel`, { system: codeSystems.questionType });
  return {
    kind: 'foresporsel',
    questionType: questionType ?? { v: '', dn: undefined },
    topic: reader.text(question, 'EmneSporsmal', `${at}/Foresporsel`),
    text: reader.text(question, 'Sporsmal', `${at}/Foresporsel`),
  };
}

function readAttachment(reader: XmlReader, refDoc: XmlNode | undefined, content: XmlNode | undefined, path: string): DialogAttachment | undefined {
  reader.code(refDoc, 'MsgType', path, { values: ['A'] });
  const mimeType = reader.text(refDoc, 'MimeType', path);
  const description = reader.optionalText(refDoc, 'Description', path) ?? '';
  const container = reader.one(content, 'Base64Container', `${path}/Content`);
  if (!container) return undefined;
  const base64 = textOf(container).replace(/\s+/g, '');
  if (!base64 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    reader.fail(`${path}/Content/Base64Container`, 'must be base64');
    return undefined;
  }
  return { description, mimeType, data: new Uint8Array(Buffer.from(base64, 'base64')) };
}

/** The MsgId and type of a message too broken to read, so its rejection can name it; undefined when even that is missing. */
export function msgIdOfBroken(xml: string): { msgId: string; type: string; genDate: string } | undefined {
  try {
    const info = new XmlReader();
    const head = info.one(parseXml(xml), 'MsgHead', '');
    const msgInfo = info.one(head, 'MsgInfo', '/MsgHead');
    const msgId = msgInfo ? info.optionalText(msgInfo, 'MsgId', '') : undefined;
    if (!msgId) return undefined;
    const type = msgInfo ? info.code(msgInfo, 'Type', '')?.v : undefined;
    return { msgId, type: type ?? 'DIALOG_NOTAT', genDate: (msgInfo && info.optionalText(msgInfo, 'GenDate', '')) || '' };
  } catch {
    return undefined;
  }
}
