/**
 * The print-ready letter: A4, the recipient's address on page 1 where the window of
 * a C5/E65 window envelope shows it (DIN 5008 form B: 20 mm from the left edge,
 * 45 mm from the top, 85 × 45 mm), the sender and date on the right, the subject and
 * the letter text, and then the letter's own PDFs and images, each from a new page.
 * The letter's own words are in the citizen's language (letter-wording.ts).
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Language, PostalAddress } from '@innboks/core';
import { embedLetterFonts } from './letter-fonts.ts';
import { letterDate, letterWording } from './letter-wording.ts';

const mm = 72 / 25.4;
const a4 = { width: 210 * mm, height: 297 * mm };

/** The address window, in millimetres from the top-left corner of page 1. */
export const addressWindow = { left: 20, top: 45, width: 85, height: 45 } as const;

export interface LetterPdfInput {
  recipient: { name: string; address: PostalAddress };
  sender: { name: string; organizationName: string };
  subject: string;
  sentAt: Date;
  textParts: string[];
  attachments: { title: string; contentType: string; data: Uint8Array }[];
  /** The citizen's language for the letter's own words (the sender's text is as written); Bokmål if absent. */
  language?: Language;
}

export async function renderLetterPdf(input: LetterPdfInput): Promise<{ pdf: Uint8Array; pages: number }> {
  // Loaded on first use: a worker that prints nothing starts faster.
  const { PDFDocument, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(clean(input.subject));
  doc.setCreator('Innboks');
  doc.setProducer('Innboks (pdf-lib)');
  doc.setCreationDate(input.sentAt);
  doc.setModificationDate(input.sentAt);
  const { regular, bold } = await embedLetterFonts(doc);
  const supported = new Set(regular.getCharacterSet());
  const text = (value: string) => clean(value, supported);
  const language = input.language ?? 'nb';
  const words = letterWording(language);

  let page = doc.addPage([a4.width, a4.height]);
  const left = 25 * mm;
  const right = a4.width - 20 * mm;

  // Return address line and recipient, inside the window.
  const windowX = addressWindow.left * mm + 4 * mm;
  let y = a4.height - addressWindow.top * mm - 6 * mm;
  page.drawText(text(`${words.sender}: ${input.sender.organizationName}`), { x: windowX, y, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
  y -= 7 * mm;
  const address = input.recipient.address;
  const addressLines = [input.recipient.name, address.street, `${address.postalCode} ${address.city}`, ...(address.country ? [address.country] : [])];
  for (const line of addressLines) {
    page.drawText(text(line), { x: windowX, y, size: 11, font: regular });
    y -= 5.5 * mm;
  }

  // Sender and date, right-aligned beside the window.
  const dateText = letterDate(input.sentAt, language);
  let senderY = a4.height - 45 * mm;
  for (const [line, font] of [
    [input.sender.organizationName, bold],
    [input.sender.name, regular],
    [`${words.date}: ${dateText}`, regular],
  ] as const) {
    const value = text(line);
    page.drawText(value, { x: right - font.widthOfTextAtSize(value, 10), y: senderY, size: 10, font });
    senderY -= 5 * mm;
  }

  // Subject and text below the window.
  y = a4.height - (addressWindow.top + addressWindow.height + 15) * mm;
  const width = right - left;
  for (const line of wrap(text(input.subject), bold, 14, width)) {
    page.drawText(line, { x: left, y, size: 14, font: bold });
    y -= 7 * mm;
  }
  y -= 3 * mm;
  const bottom = 25 * mm;
  const newPage = (): PDFPage => {
    page = doc.addPage([a4.width, a4.height]);
    y = a4.height - 25 * mm;
    return page;
  };
  for (const part of input.textParts) {
    for (const paragraph of part.split(/\n/)) {
      for (const line of wrap(text(paragraph), regular, 11, width)) {
        if (y < bottom) newPage();
        page.drawText(line, { x: left, y, size: 11, font: regular });
        y -= 5.5 * mm;
      }
    }
    y -= 3 * mm;
  }
  if (input.attachments.length > 0) {
    if (y < bottom + 10 * mm) newPage();
    page.drawText(text(`${words.attachments}: ${input.attachments.map((attachment) => attachment.title).join(', ')}`), { x: left, y, size: 10, font: regular, maxWidth: width });
  }

  for (const attachment of input.attachments) {
    try {
      if (attachment.contentType === 'application/pdf') {
        const source = await PDFDocument.load(attachment.data, { ignoreEncryption: true });
        const pages = await doc.copyPages(source, source.getPageIndices());
        for (const copied of pages) doc.addPage(copied);
      } else if (attachment.contentType === 'image/png' || attachment.contentType === 'image/jpeg') {
        const image = attachment.contentType === 'image/png' ? await doc.embedPng(attachment.data) : await doc.embedJpg(attachment.data);
        const imagePage = doc.addPage([a4.width, a4.height]);
        const scaled = image.scaleToFit(a4.width - 40 * mm, a4.height - 50 * mm);
        imagePage.drawText(text(attachment.title), { x: 20 * mm, y: a4.height - 20 * mm, size: 10, font: bold });
        imagePage.drawImage(image, { x: (a4.width - scaled.width) / 2, y: a4.height - 30 * mm - scaled.height, width: scaled.width, height: scaled.height });
      } else {
        throw new Error(`cannot print ${attachment.contentType}`);
      }
    } catch {
      const notePage = doc.addPage([a4.width, a4.height]);
      notePage.drawText(text(words.unprintable(attachment.title)), {
        x: 25 * mm,
        y: a4.height - 30 * mm,
        size: 11,
        font: regular,
        maxWidth: a4.width - 45 * mm,
      });
    }
  }
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pages: doc.getPageCount() };
}

/** Keeps what the letter font can print (Norwegian and Sami letters included); anything else becomes "?". */
export function clean(value: string, supported?: Set<number>): string {
  const normal = value.replace(/[\t\r]/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
  if (!supported) return normal;
  let out = '';
  for (const char of normal) out += supported.has(char.codePointAt(0)!) ? char : '?';
  return out;
}

export function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  if (value.trim() === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line is cut.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
