/**
 * The letter font: Source Sans Pro, the design system's own (SIL Open Font License,
 * which allows embedding), so a printed letter reads like the app and prints every
 * Norwegian and Sami letter (æ ø å, á č đ ŋ š ŧ ž). PDF's standard Helvetica has no
 * glyph for most of those. Subset: the files are WOFF, which a PDF cannot hold as
 * they are; fontkit writes the letters used as a plain font program.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const resolve = createRequire(import.meta.url).resolve;
const fontFiles = {
  regular: '@helsenorge/designsystem-react/fonts/source-sans-pro-400-regular.woff',
  bold: '@helsenorge/designsystem-react/fonts/source-sans-pro-600-semibold.woff',
} as const;

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

export interface LetterFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedLetterFonts(doc: PDFDocument): Promise<LetterFonts> {
  // Read once per process; a worker that prints nothing never reads them.
  fontBytes ??= Promise.all([readFile(resolve(fontFiles.regular)), readFile(resolve(fontFiles.bold))]).then(([regular, bold]) => ({ regular, bold }));
  const bytes = await fontBytes;
  doc.registerFontkit(fontkit);
  return { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) };
}

/** A one-page PDF of lines in the letter font, the first one as a heading: for demo letters' attachments and tests. */
export async function linesPdf(lines: readonly string[]): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedLetterFonts(doc);
  const page = doc.addPage([595, 842]);
  let y = 770;
  lines.forEach((line, index) => {
    page.drawText(line, { x: 72, y, size: index === 0 ? 16 : 12, font: index === 0 ? bold : regular });
    y -= index === 0 ? 28 : 18;
  });
  return doc.save({ useObjectStreams: false });
}
