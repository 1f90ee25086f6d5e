import { describe, expect, test } from 'vitest';
import { attachmentLimits, checkAttachment, sniffAttachmentType } from './attachment-rules.ts';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF');
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
});
