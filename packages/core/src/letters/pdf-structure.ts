/**
 * A PDF is accepted only if it is built like one, not merely if it starts like one:
 * `%PDF-` then HTML passes a look at the first bytes, and a browser that is handed
 * such a file under another name runs it as a web page. The check is structural and
 * cheap — header at the very start, objects, and a trailer that ends the file
 * (`startxref <offset>` pointing at a cross-reference table or stream, then `%%EOF`
 * and nothing after it but line ends) — not a render: the reader does that.
 * (pdf-lib, which we have for the letter PDF, repairs what is broken instead of refusing
 * it, and the domain core takes no SDK.)
 */
const latin1 = new TextDecoder('latin1');

export type PdfProblem = 'header' | 'trailer' | 'cross-reference' | 'objects';

export function pdfStructureProblem(data: Uint8Array): PdfProblem | undefined {
  const text = latin1.decode(data);
  if (!/^%PDF-\d\.\d/.test(text)) return 'header';
  const trailer = /startxref\s+(\d+)\s+%%EOF[\r\n\t ]*$/.exec(text.slice(-1024));
  if (!trailer) return 'trailer';
  const crossReferenceAt = Number(trailer[1]);
  const atOffset = text.slice(crossReferenceAt, crossReferenceAt + 64);
  if (crossReferenceAt <= 0 || !/^(xref\b|\d+\s+\d+\s+obj\b)/.test(atOffset)) return 'cross-reference';
  if (!/\d+\s+\d+\s+obj\b[\s\S]*?\bendobj\b/.test(text)) return 'objects';
  return undefined;
}
