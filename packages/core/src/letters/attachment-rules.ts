import { pdfStructureProblem, type PdfProblem } from './pdf-structure.ts';

/**
 * What a sender may attach. The type is decided from the bytes, never trusted from
 * the declared contentType, and must agree with it.
 */
export const attachmentLimits = {
  maxAttachments: 10,
  maxBytesPerAttachment: 10 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  maxTitleLength: 200,
} as const;

export const allowedAttachmentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof allowedAttachmentTypes)[number];

/** The file name extension of each type: a download is named by what the bytes are, whatever the title says. */
export const attachmentExtensions: Record<AttachmentType, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg' };

const signatures: { type: AttachmentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's real type from its first bytes, or undefined when it is none we accept. */
export function sniffAttachmentType(data: Uint8Array): AttachmentType | undefined {
  // At the very start: PDF readers look further, but what stands before the header
  // (a web page, say) is what a browser sniffs.
  return signatures.find(({ bytes }) => bytes.every((byte, index) => data[index] === byte))?.type;
}

export type AttachmentProblem =
  | { code: 'too-many'; max: number }
  | { code: 'too-large'; max: number }
  | { code: 'total-too-large'; max: number }
  | { code: 'empty' }
  | { code: 'type-not-allowed'; declared: string }
  | { code: 'type-mismatch'; declared: string; actual: AttachmentType | undefined }
  | { code: 'not-a-pdf'; problem: PdfProblem };

/** Checks one attachment's bytes against its declared type and the size limit. */
export function checkAttachment(declaredType: string, data: Uint8Array): AttachmentProblem | undefined {
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!(allowedAttachmentTypes as readonly string[]).includes(declared)) return { code: 'type-not-allowed', declared };
  if (data.length === 0) return { code: 'empty' };
  if (data.length > attachmentLimits.maxBytesPerAttachment) return { code: 'too-large', max: attachmentLimits.maxBytesPerAttachment };
  const actual = sniffAttachmentType(data);
  if (actual !== declared) return { code: 'type-mismatch', declared, actual };
  const pdfProblem = actual === 'application/pdf' ? pdfStructureProblem(data) : undefined;
  if (pdfProblem) return { code: 'not-a-pdf', problem: pdfProblem };
  return undefined;
}

export function describeAttachmentProblem(problem: AttachmentProblem): string {
  switch (problem.code) {
    case 'too-many':
      return `At most ${problem.max} attachments per letter`;
    case 'too-large':
      return `Attachment larger than ${problem.max} bytes`;
    case 'total-too-large':
      return `Attachments together larger than ${problem.max} bytes`;
    case 'empty':
      return 'Attachment has no data';
    case 'type-not-allowed':
      return `contentType ${problem.declared} is not accepted; allowed: ${allowedAttachmentTypes.join(', ')}`;
    case 'type-mismatch':
      return `Declared ${problem.declared}, but the data is ${problem.actual ?? 'of an unrecognised type'}`;
    case 'not-a-pdf':
      return `The data starts like a PDF but is not built as one (${pdfProblemText[problem.problem]})`;
  }
}

const pdfProblemText: Record<PdfProblem, string> = {
  header: 'no %PDF-<version> header at the start',
  trailer: 'no startxref and %%EOF at the end, or data after %%EOF',
  'cross-reference': 'startxref does not point at a cross-reference table or stream',
  objects: 'no objects',
};
