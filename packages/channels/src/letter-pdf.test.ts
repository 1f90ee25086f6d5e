import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { addressWindow, renderLetterPdf } from './letter-pdf.ts';
import { pdfText } from './testing/pdf-text.ts';

async function attachmentPdf(line: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(line, { x: 50, y: 700 });
  return doc.save();
}

describe('Print-ready letter PDF', () => {
  test('page 1 shows the address in the envelope window, then the letter text, then the letter’s own PDF pages', async () => {
    const { pdf, pages } = await renderLetterPdf({
      recipient: { name: 'Anne Papirsen', address: { street: 'Sjøgata 3', postalCode: '9008', city: 'Tromsø' } },
      sender: { name: 'Øyeavdelingen', organizationName: 'Nordlys sykehus HF' },
      subject: 'Time på øyepoliklinikken',
      sentAt: new Date('2026-06-10T10:00:00Z'),
      textParts: ['Du har fått time. ' + 'Møt opp i god tid. '.repeat(200), 'Vennlig hilsen'],
      attachments: [
        { title: 'Innkalling', contentType: 'application/pdf', data: await attachmentPdf('ATTACHED PAGE') },
        { title: 'Ødelagt', contentType: 'application/pdf', data: new Uint8Array([1, 2, 3]) },
      ],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-pdf-'));
    try {
      const file = path.join(dir, 'letter.pdf');
      await writeFile(file, pdf);
      const window = pdfText(file, { region: addressWindow });
      expect(window).toContain('Anne Papirsen');
      expect(window).toContain('Sjøgata 3');
      expect(window).toContain('9008 Tromsø');
      expect(window).not.toContain('Time på øyepoliklinikken');
      const first = pdfText(file);
      expect(first).toContain('Time på øyepoliklinikken');
      expect(first).toContain('Nordlys sykehus HF');
      expect(first).toContain('Dato: 10. juni 2026');
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(pdfText(file, { page: pages - 1 })).toContain('ATTACHED PAGE');
      expect(pdfText(file, { page: pages })).toContain('Ødelagt');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('Norwegian and Sami letters print as written, in the letter and its heading (an embedded font, not Helvetica)', async () => {
    const words = 'Møte på Sjøgata, Æ Ø Å; Sámi: Čáhcesuolu, đ ŋ š ŧ ž, Ŋ Đ Ŧ';
    const { pdf } = await renderLetterPdf({
      recipient: { name: 'Áile Čáhppes', address: { street: 'Ŋuorra 1', postalCode: '9730', city: 'Kárášjohka' } },
      sender: { name: 'Ørelegen', organizationName: 'Sámi klinihkka' },
      subject: `Innkalling: ${words}`,
      sentAt: new Date('2026-06-10T10:00:00Z'),
      textParts: [words],
      attachments: [],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-pdf-'));
    try {
      const file = path.join(dir, 'letter.pdf');
      await writeFile(file, pdf);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain(`Innkalling: ${words}`);
      expect(text).toContain('Áile Čáhppes');
      expect(text).toContain('9730 Kárášjohka');
      expect(text).not.toContain('?');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('The printed letter in the citizen’s language', () => {
  const expected = {
    nb: { words: ['Avsender: Nordlys sykehus HF', 'Dato: 10. juni 2026', 'Vedlegg: Innkalling'], notBokmål: [] },
    nn: { words: ['Avsendar: Nordlys sykehus HF', 'Dato: 10. juni 2026', 'Vedlegg: Innkalling', 'kunne ikkje skrivast ut'], notBokmål: ['Avsender', 'ikke'] },
    se: { words: ['Sáddejeaddji: Nordlys sykehus HF', 'Beaivi: 2026 geassemánnu 10', 'Mildosat: Innkalling', 'ii sáhttán čálihuvvot'], notBokmål: ['Avsender', 'Dato', 'Vedlegg', 'ikke'] },
    en: { words: ['From: Nordlys sykehus HF', 'Date: 10 June 2026', 'Attachments: Innkalling', 'could not be printed'], notBokmål: ['Avsender', 'Dato', 'Vedlegg', 'ikke'] },
  } as const;

  for (const [language, { words, notBokmål }] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
    test(`${language}: the letter’s own words and its date are in that language, read back from the PDF`, async () => {
      const { pdf } = await renderLetterPdf({
        recipient: { name: 'Anne Papirsen', address: { street: 'Sjøgata 3', postalCode: '9008', city: 'Tromsø' } },
        sender: { name: 'Øyeavdelingen', organizationName: 'Nordlys sykehus HF' },
        subject: 'Time',
        sentAt: new Date('2026-06-10T10:00:00Z'),
        textParts: ['Tekst.'],
        attachments: [{ title: 'Innkalling', contentType: 'application/pdf', data: new Uint8Array([1, 2, 3]) }],
        language,
      });
      const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-pdf-'));
      try {
        const file = path.join(dir, 'letter.pdf');
        await writeFile(file, pdf);
        const text = pdfText(file).replace(/\s+/g, ' ') + ' ' + pdfText(file, { page: 2 }).replace(/\s+/g, ' ');
        for (const word of words) expect(text).toContain(word);
        for (const word of notBokmål) expect(text).not.toContain(word);
        expect(text).not.toContain('?');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
