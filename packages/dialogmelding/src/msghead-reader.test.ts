import { describe, expect, it } from 'vitest';
import { readDialogMessage } from './msghead-reader.ts';
import { writeDialogMessage } from './msghead-writer.ts';
import { sampleDialogMessage } from './sample-message.ts';
import { XmlRefused } from './safe-xml.ts';
import { StructureInvalid } from './xml-reader.ts';

const sender = { name: 'Sykehuset Østfjord', herId: '8142519', organisationNumber: '974633191', department: { name: 'Ortopedisk poliklinikk', herId: '8142520' } };
const receiver = { name: 'Innboks', herId: '8090001' };
const sample = (kind: 'notat' | 'foresporsel' = 'notat') => sampleDialogMessage({ sender, receiver, nationalId: '12848512345', kind, msgId: 'msg-1', genDate: '2026-12-05T10:00:00' });

function issuesOf(xml: string) {
  try {
    readDialogMessage(xml);
  } catch (error) {
    if (error instanceof StructureInvalid) return error.issues;
    throw error;
  }
  throw new Error('expected the message to be refused');
}

describe('reading a Dialogmelding', () => {
  it('a Notat written by the standard is read back with sender, department, patient and text', () => {
    const message = { ...sample(), attachments: [{ description: 'Epikrise', mimeType: 'application/pdf', data: new TextEncoder().encode('%PDF-1.4 x') }] };
    const read = readDialogMessage(writeDialogMessage(message));
    expect(read).toMatchObject({ type: 'DIALOG_NOTAT', msgId: 'msg-1', ackRequested: true, patient: { nationalId: '12848512345' } });
    expect(read.sender).toMatchObject({ herId: '8142519', organisationNumber: '974633191', department: { name: 'Ortopedisk poliklinikk' } });
    expect(read.body).toMatchObject({ kind: 'notat', topic: 'Svar på blodprøver' });
    expect(new TextDecoder().decode(read.attachments[0]!.data)).toBe('%PDF-1.4 x');
  });

  it('a Foresporsel is read with its question type and question', () => {
    expect(readDialogMessage(writeDialogMessage(sample('foresporsel'))).body).toMatchObject({ kind: 'foresporsel', questionType: { v: '99' }, topic: 'Spørsmål om oppfølging' });
  });

  it('a national id with a leading zero keeps it', () => {
    expect(readDialogMessage(writeDialogMessage({ ...sample(), patient: { nationalId: '01928012345' } })).patient.nationalId).toBe('01928012345');
  });

  it('a message without a patient is refused naming the missing element', () => {
    const xml = writeDialogMessage(sample()).replace(/<Patient>.*<\/Patient>/, '');
    expect(issuesOf(xml)).toContainEqual({ path: '/MsgHead/MsgInfo/Patient', message: 'required' });
  });

  it('a Dialogmelding with both a Notat and a Foresporsel is refused', () => {
    const xml = writeDialogMessage(sample()).replace('</Notat>', '</Notat><Foresporsel><EmneSporsmal>x</EmneSporsmal></Foresporsel>');
    expect(issuesOf(xml).map((issue) => issue.message)).toContain('exactly one of Notat and Foresporsel is required');
  });

  it('a question type from another code system than 7601 is refused', () => {
    const xml = writeDialogMessage(sample('foresporsel')).replace('2.16.578.1.12.4.1.1.7601', '2.16.578.1.12.4.1.1.9999');
    expect(issuesOf(xml)).toContainEqual({ path: '/MsgHead/Document[1]/RefDoc/Content/Dialogmelding/Foresporsel/TypeForesp/@S', message: 'must be code system 2.16.578.1.12.4.1.1.7601' });
  });

  it('a message type that is no Dialogmelding is refused', () => {
    const xml = writeDialogMessage(sample()).replace('V="DIALOG_NOTAT"', 'V="HENVISNING"');
    expect(issuesOf(xml).map((issue) => issue.path)).toContain('/MsgHead/MsgInfo/Type/@V');
  });

  it('a sender without a HER-id is refused', () => {
    const xml = writeDialogMessage({ ...sample(), sender: { ...sender, department: undefined } }).replace(/<Ident><Id>8142519<\/Id>.*?<\/Ident>/, '');
    expect(issuesOf(xml)).toContainEqual({ path: '/MsgHead/MsgInfo/Sender/Organisation/Ident', message: 'an Ident with TypeId HER is required' });
  });

  it('another namespace than MsgHead 1.2 is refused', () => {
    const xml = writeDialogMessage(sample()).replace('msghead/2006-05-24', 'msghead/2001-01-01');
    expect(issuesOf(xml).map((issue) => issue.path)).toContain('/MsgHead/@xmlns');
  });
});

describe('XML attacks', () => {
  it('an external entity (XXE) is refused before anything is read', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE MsgHead [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><MsgHead>&xxe;</MsgHead>`;
    expect(() => readDialogMessage(xml)).toThrow(XmlRefused);
  });

  it('a billion laughs document is refused without expanding it', () => {
    const entities = Array.from({ length: 10 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><MsgHead>&lol10;</MsgHead>`;
    const started = performance.now();
    expect(() => readDialogMessage(xml)).toThrow('document type declarations and entities are not accepted');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('text that is not well-formed XML is refused as such', () => {
    expect(() => readDialogMessage('<MsgHead><MsgInfo></MsgHead>')).toThrow(/not well-formed/);
  });
});
