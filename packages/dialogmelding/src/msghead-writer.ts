/** Writing a MsgHead 1.2 with its Dialogmelding 1.1: the sample a sender tries, and Innboks's answers to senders. */
import type { DialogMessage, Organisation } from './dialog-message.ts';
import { codeSystems, namespaces } from './standards.ts';
import { coded, element } from './xml-writer.ts';

const typeNames = { DIALOG_NOTAT: 'Notat', DIALOG_FORESPORSEL: 'Forespørsel', DIALOG_SVAR: 'Svar på forespørsel' } as const;

function ident(id: string, type: string, name: string): string {
  return `<Ident>${element('Id', id)}${coded('TypeId', { v: type, s: codeSystems.organisationIdType, dn: name })}</Ident>`;
}

function organisation(party: Organisation): string {
  const department = party.department
    ? `<Organisation>${element('OrganisationName', party.department.name)}${party.department.herId ? ident(party.department.herId, 'HER', 'HER-id') : ''}</Organisation>`
    : '';
  return `<Organisation>${element('OrganisationName', party.name)}${party.organisationNumber ? ident(party.organisationNumber, 'ENH', 'Organisasjonsnummeret i Enhetsregisteret') : ''}${ident(party.herId, 'HER', 'HER-id')}${department}</Organisation>`;
}

function body(message: DialogMessage): string {
  const content = message.body;
  if (content.kind === 'foresporsel') {
    return `<Foresporsel>${coded('TypeForesp', { ...content.questionType, s: codeSystems.questionType })}${element('EmneSporsmal', content.topic)}${element('Sporsmal', content.text)}</Foresporsel>`;
  }
  const topicCode = content.topicCode ? coded('TemaKodet', { ...content.topicCode, s: codeSystems.noteTopic }) : '';
  return `<Notat>${topicCode}${element('Tema', content.topic)}${element('TekstNotatInnhold', content.text)}</Notat>`;
}

export function writeDialogMessage(message: DialogMessage): string {
  const conversation = message.conversationRef
    ? `<ConversationRef>${element('RefToParent', message.conversationRef.refToParent)}${element('RefToConversation', message.conversationRef.refToConversation)}</ConversationRef>`
    : '';
  const patient = `<Patient>${element('FamilyName', message.patient.familyName)}${element('GivenName', message.patient.givenName)}<Ident>${element('Id', message.patient.nationalId)}${coded('TypeId', { v: 'FNR', s: codeSystems.personIdType, dn: 'Fødselsnummer' })}</Ident></Patient>`;
  const attachments = message.attachments
    .map(
      (attachment) =>
        `<Document><RefDoc>${coded('MsgType', { v: 'A', dn: 'Vedlegg' })}${element('MimeType', attachment.mimeType)}${element('Description', attachment.description)}<Content><Base64Container xmlns="${namespaces.base64Container}">${Buffer.from(attachment.data).toString('base64')}</Base64Container></Content></RefDoc></Document>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<MsgHead xmlns="${namespaces.msgHead}"><MsgInfo>` +
    coded('Type', { v: message.type, s: codeSystems.messageType, dn: typeNames[message.type] }) +
    element('MIGversion', 'v1.2 2006-05-24') +
    element('GenDate', message.genDate) +
    element('MsgId', message.msgId) +
    coded('Ack', { v: message.ackRequested ? 'J' : 'N', dn: message.ackRequested ? 'Ja' : 'Nei' }) +
    conversation +
    `<Sender>${organisation(message.sender)}</Sender><Receiver>${organisation(message.receiver)}</Receiver>${patient}</MsgInfo>` +
    `<Document><RefDoc>${coded('MsgType', { v: 'XML', dn: 'XML-instans' })}<Content><Dialogmelding xmlns="${namespaces.dialogmelding}">${body(message)}</Dialogmelding></Content></RefDoc></Document>` +
    attachments +
    `</MsgHead>`
  );
}
