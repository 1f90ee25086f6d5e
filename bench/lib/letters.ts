/** Sender API requests as the load generators send them. */
import { minimalPdf } from '../../apps/server/src/demo/minimal-pdf.ts';
import { sentences } from '../generate/text.ts';

export const nationalIdSystem = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const organizationNumberSystem = 'urn:oid:2.16.578.1.12.4.1.4.101';

/** About 800 bytes of letter text: what a hospital sends beside (or instead of) a PDF. */
export const letterTexts = [
  `${sentences[0]} ${sentences[3]} ${sentences[4]}`,
  `${sentences[5]} ${sentences[22]}`,
  `${sentences[14]} ${sentences[29]}`,
];

export interface LetterRequest {
  /** The JSON body. */
  body: string;
  identifierSystem: string;
  identifierValue: string;
  subject: string;
  senderDisplay: string;
}

export function letterRequest(options: {
  organizationNumber: string;
  nationalId: string;
  identifierSystem: string;
  identifierValue: string;
  pdfBase64?: string;
}): LetterRequest {
  const subject = 'Innkalling til poliklinisk time';
  const senderDisplay = 'Ortopedisk poliklinikk';
  const payload: unknown[] = letterTexts.map((text) => ({ contentString: text }));
  if (options.pdfBase64) payload.push({ contentAttachment: { contentType: 'application/pdf', title: 'Innkalling', data: options.pdfBase64 } });
  const body = JSON.stringify({
    resourceType: 'Communication',
    status: 'completed',
    identifier: [{ system: options.identifierSystem, value: options.identifierValue }],
    category: [{ coding: [{ system: 'urn:innboks:code:message-kind', code: 'appointment-letter' }] }],
    priority: 'routine',
    subject: { identifier: { system: nationalIdSystem, value: options.nationalId } },
    sender: { identifier: { system: organizationNumberSystem, value: options.organizationNumber }, display: senderDisplay },
    topic: { text: subject },
    payload,
  });
  return { body, identifierSystem: options.identifierSystem, identifierValue: options.identifierValue, subject, senderDisplay };
}

/** A real PDF of about `kilobytes` kB (pages of text), as bytes. */
export function pdfOfSize(kilobytes: number): Buffer {
  const lines: string[] = [];
  let pdf = Buffer.from(minimalPdf(['Innkalling']));
  for (let count = 50; pdf.length < kilobytes * 1024; count = Math.ceil(count * 1.3)) {
    while (lines.length < count) lines.push(`${lines.length + 1}. ${sentences[lines.length % sentences.length]}`);
    pdf = Buffer.from(minimalPdf(lines));
  }
  return pdf;
}
