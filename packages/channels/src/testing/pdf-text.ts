/** Reading a PDF's text back as a person would see it, with poppler's pdftotext. */
import { execFileSync } from 'node:child_process';

/** Text of one page, or only of a region of it given in millimetres from the top left (poppler's pdftotext). */
export function pdfText(file: string, options: { page?: number; region?: { left: number; top: number; width: number; height: number } } = {}): string {
  const mm = 72 / 25.4;
  const page = String(options.page ?? 1);
  const region = options.region
    ? ['-x', String(Math.round(options.region.left * mm)), '-y', String(Math.round(options.region.top * mm)), '-W', String(Math.round(options.region.width * mm)), '-H', String(Math.round(options.region.height * mm))]
    : [];
  try {
    return execFileSync('pdftotext', ['-f', page, '-l', page, '-layout', ...region, file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install -y poppler-utils', { cause: error });
    throw error;
  }
}

