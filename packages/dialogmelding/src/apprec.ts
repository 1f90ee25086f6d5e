/**
 * AppRec 1.0, the application receipt: status 1 (OK), 2 (Avvist) or 3 (OK with an
 * error in a part), with error codes from code system 8221. Its Id is derived from
 * the message it answers, so the receipt for one message is the same every time it
 * is sent (a repeat after a crash is recognisable as one).
 */
import { createHash } from 'node:crypto';
import { parseXml } from './safe-xml.ts';
import { declaresNamespace, textOf, XmlReader } from './xml-reader.ts';
import { appRecErrors, appRecMessageType, codeSystems, namespaces, type AppRecErrorCode } from './standards.ts';
import { coded, element } from './xml-writer.ts';

export type AppRecStatus = '1' | '2' | '3';

export interface AppRec {
  id: string;
  genDate: string;
  status: AppRecStatus;
  errors: { code: string; description: string; details?: string | undefined }[];
  sender: { name: string; herId: string };
  receiver: { name: string; herId: string };
  original: { msgType: string; msgId: string; issueDate: string };
}

const statusNames: Record<AppRecStatus, string> = { '1': 'OK', '2': 'Avvist', '3': 'OK, feil i delmelding' };

/** A stable id for the receipt to one message from one sender (RFC 4122 layout, name-based on SHA-256). */
export function appRecIdFor(senderHerId: string, originalMsgId: string): string {
  const hex = createHash('sha256').update(`apprec:${senderHerId}:${originalMsgId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function appRecError(code: AppRecErrorCode, details?: string): AppRec['errors'][number] {
  return { code: appRecErrors[code].v, description: appRecErrors[code].dn, details };
}

function institution(party: { name: string; herId: string }): string {
  return `<HCP><Inst>${element('Name', party.name)}${element('Id', party.herId)}${coded('TypeId', { v: 'HER', s: codeSystems.organisationIdType, dn: 'HER-id' })}</Inst></HCP>`;
}

export function writeAppRec(receipt: AppRec): string {
  const errors = receipt.errors
    .map((error) => coded('Error', { v: error.code, s: codeSystems.appRecError, dn: error.description }) + (error.details ? element('AdditionalInfo', error.details) : ''))
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><AppRec xmlns="${namespaces.appRec}">` +
    coded('MsgType', { v: appRecMessageType }) +
    element('MIGversion', 'v1.0 2004-11-21') +
    element('GenDate', receipt.genDate) +
    element('Id', receipt.id) +
    `<Sender>${institution(receipt.sender)}</Sender><Receiver>${institution(receipt.receiver)}</Receiver>` +
    coded('Status', { v: receipt.status, s: codeSystems.appRecStatus, dn: statusNames[receipt.status] }) +
    errors +
    `<OriginalMsgId>${coded('MsgType', { v: receipt.original.msgType })}${element('IssueDate', receipt.original.issueDate)}${element('Id', receipt.original.msgId)}</OriginalMsgId>` +
    `</AppRec>`
  );
}

export function readAppRec(xml: string): AppRec {
  const document = parseXml(xml);
  const reader = new XmlReader();
  const root = reader.one(document, 'AppRec', '');
  if (root && !declaresNamespace(xml, namespaces.appRec)) reader.fail('/AppRec/@xmlns', `must be ${namespaces.appRec}`);
  const at = '/AppRec';
  reader.code(root, 'MsgType', at, { values: [appRecMessageType] });
  const id = reader.text(root, 'Id', at);
  const genDate = reader.text(root, 'GenDate', at);
  const status = reader.code(root, 'Status', at, { system: codeSystems.appRecStatus, values: ['1', '2', '3'] })?.v as AppRecStatus | undefined;
  // Each error's AdditionalInfo follows it (as writeAppRec writes them); the parser keeps them in order, so the nth belongs to the nth error.
  const details = reader.many(root, 'AdditionalInfo', at, 0, 100).map(textOf);
  const errors = reader.many(root, 'Error', at, 0, 100).map((error, index) => {
    const code = reader.codeOf(error, `${at}/Error[${index + 1}]`, { system: codeSystems.appRecError });
    return { code: code?.v ?? '', description: code?.dn ?? '', ...(details[index] ? { details: details[index] } : {}) };
  });
  if (status === '2' && errors.length === 0) reader.fail(`${at}/Error`, 'an AppRec with status 2 names at least one error');
  const party = (name: string) => {
    const inst = reader.one(reader.one(reader.one(root, name, at), 'HCP', `${at}/${name}`), 'Inst', `${at}/${name}/HCP`);
    return { name: reader.text(inst, 'Name', `${at}/${name}/HCP/Inst`), herId: reader.text(inst, 'Id', `${at}/${name}/HCP/Inst`) };
  };
  const sender = party('Sender');
  const receiver = party('Receiver');
  const original = reader.one(root, 'OriginalMsgId', at);
  const originalMsgType = reader.code(original, 'MsgType', `${at}/OriginalMsgId`)?.v ?? '';
  const issueDate = reader.text(original, 'IssueDate', `${at}/OriginalMsgId`);
  const originalId = reader.text(original, 'Id', `${at}/OriginalMsgId`);
  reader.throwIfInvalid();
  return { id, genDate, status: status!, errors, sender, receiver, original: { msgType: originalMsgType, msgId: originalId, issueDate } };
}
