import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { pdfText } from '@innboks/channels/testing';
import { demoLetters } from './demo-letters.ts';

test('the demo appointment letter\'s PDF has the time and place the letter points to, in Norwegian letters', async () => {
  const letters = await demoLetters(new Date('2026-03-20T11:00:00Z'));
  const appointmentLetter = letters.find((letter) => letter.letter.kind === 'appointment-letter')!;
  expect(appointmentLetter.letter.textParts[0]).toContain('Se vedlagt innkallingsbrev for tid og sted.');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-demo-pdf-'));
  try {
    const file = path.join(dir, 'innkalling.pdf');
    await writeFile(file, appointmentLetter.letter.attachments[0]!.data);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Sykehuset Østfjord HF');
    expect(text).toContain('Møtetid: søndag 29. mars 2026 kl. 10:00');
    expect(text).toContain('Møtested: Sykehuset Østfjord, bygg 7, 2. etasje');
    expect(text).not.toMatch(/\bMote\b|i Innboks/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
