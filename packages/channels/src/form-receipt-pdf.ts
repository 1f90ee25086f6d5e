/**
 * The receipt of a submitted form as a PDF: the form's title, who received it, when it
 * was submitted, the reference and who filled it in, then every answered question with
 * its answers. The letter's font and line breaking (letter-pdf.ts), so æ ø å and Sami
 * letters print.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { AnsweredLine } from '@innboks/core';
import { embedLetterFonts } from './letter-fonts.ts';
import { clean, wrap } from './letter-pdf.ts';

const mm = 72 / 25.4;
const a4 = { width: 210 * mm, height: 297 * mm };

export interface FormReceiptPdfInput {
  title: string;
  organizationName: string;
  submittedAt: Date;
  reference: string;
  filledInBy: string;
  lines: AnsweredLine[];
}

export async function renderFormReceiptPdf(input: FormReceiptPdfInput): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(clean(`Kvittering: ${input.title}`));
  doc.setCreator('Innboks');
  doc.setCreationDate(input.submittedAt);
  doc.setModificationDate(input.submittedAt);
  const { regular, bold } = await embedLetterFonts(doc);
  const supported = new Set(regular.getCharacterSet());
  const left = 25 * mm;
  const width = a4.width - 45 * mm;
  let page: PDFPage = doc.addPage([a4.width, a4.height]);
  let y = a4.height - 25 * mm;

  const write = (value: string, font: PDFFont, size: number, indent = 0) => {
    for (const line of wrap(clean(value, supported), font, size, width - indent)) {
      if (y < 25 * mm) {
        page = doc.addPage([a4.width, a4.height]);
        y = a4.height - 25 * mm;
      }
      page.drawText(line, { x: left + indent, y, size, font });
      y -= size * 0.5 * mm + 2 * mm;
    }
  };

  write(`Kvittering: ${input.title}`, bold, 16);
  y -= 3 * mm;
  write(`Sendt til: ${input.organizationName}`, regular, 11);
  write(`Sendt inn: ${osloTime(input.submittedAt)}`, regular, 11);
  write(`Referanse: ${input.reference}`, regular, 11);
  write(`Fylt ut av: ${input.filledInBy}`, regular, 11);
  y -= 5 * mm;
  write('Spørsmål og svar', bold, 13);
  y -= 2 * mm;
  for (const line of input.lines) {
    const indent = line.depth * 6 * mm;
    write(line.text, bold, 11, indent);
    for (const answer of line.answers) write(answer, regular, 11, indent + 4 * mm);
    y -= 2 * mm;
  }
  return doc.save({ useObjectStreams: false });
}

export function osloTime(at: Date): string {
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(at);
}
