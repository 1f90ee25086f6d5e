import { describe, expect, test } from 'vitest';
import { attachmentLimits, checkAttachment, sniffAttachmentType } from './attachment-rules.ts';

const pdfText = (body: string) => {
  const xrefAt = body.length;
  return `${body}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
};
const pdf = new TextEncoder().encode(pdfText('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'));
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('Attachment rules', () => {
  test('a PDF is recognised from its bytes', () => {
    expect(sniffAttachmentType(pdf)).toBe('application/pdf');
    expect(checkAttachment('application/pdf', pdf)).toBeUndefined();
  });

  test('an HTML page declared as PDF is refused as a type mismatch', () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect(checkAttachment('application/pdf', html)).toEqual({ code: 'type-mismatch', declared: 'application/pdf', actual: undefined });
  });

  test('a PNG declared as PDF is refused, naming what it really is', () => {
    expect(checkAttachment('application/pdf', png)).toMatchObject({ code: 'type-mismatch', actual: 'image/png' });
  });

  test('types we do not accept are refused whatever the bytes', () => {
    expect(checkAttachment('text/html', pdf)).toMatchObject({ code: 'type-not-allowed' });
  });

  test('empty and oversized files are refused', () => {
    expect(checkAttachment('application/pdf', new Uint8Array())).toEqual({ code: 'empty' });
    const big = new Uint8Array(attachmentLimits.maxBytesPerAttachment + 1);
    big.set(pdf);
    expect(checkAttachment('application/pdf', big)).toMatchObject({ code: 'too-large' });
  });

  test.each([
    ['HTML after the header', '%PDF-1.4\n<html><script>alert(1)</script></html>\n', 'trailer'],
    ['HTML after %%EOF', `${pdfText('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n')}<html><script>alert(1)</script></html>`, 'trailer'],
    ['startxref pointing into HTML', '%PDF-1.4\n<html></html>\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n', 'cross-reference'],
    ['a trailer and no objects', pdfText('%PDF-1.4\n'), 'objects'],
  ])('a polyglot (%s) starts like a PDF but is refused as not one', (_name, text, problem) => {
    expect(checkAttachment('application/pdf', new TextEncoder().encode(text))).toEqual({ code: 'not-a-pdf', problem });
  });

  test('HTML before a PDF header is not a PDF', () => {
    expect(sniffAttachmentType(new TextEncoder().encode(`<html></html>\n${pdfText('%PDF-1.4\n')}`))).toBeUndefined();
  });
});
