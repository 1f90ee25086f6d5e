/**
 * The Sami letters in the web font. A Sami page must draw á č đ ŋ š ŧ ž in the design
 * system's font (Source Sans Pro, bundled: packages/web-base/src/styles/_fonts.scss), not
 * in a fallback that looks different beside the other letters. A glyph the font has is
 * drawn the same whatever comes after it in `font-family`; a missing one takes the
 * fallback, so its width changes with the fallback. Checked in every face the apps bundle.
 * The design system's italic file lacks ŋ ŧ Ŋ Ŧ: _fonts.scss lends them from the upright face.
 */
import { expect, test } from 'vitest';
import { catalogues } from '../apps/citizen-web/src/i18n/languages.ts';
import { useBrowser, useTab } from './support/browser.ts';
import { useTestServer } from './support/server.ts';

const chromium = useBrowser();
const server = useTestServer(chromium, {});
const page = useTab(chromium, { locale: 'se-NO' });

const samiLetters = 'áčđŋšŧžÁČĐŊŠŦŽ';
const faces = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
] as const;

test('a Sami page draws á č đ ŋ š ŧ ž in the design system’s own font, in every bundled face', async () => {
  await page().goto(`${server().baseUrl}/?lang=se`);
  const heading = page().getByRole('heading', { level: 1, name: catalogues.se.start.heading });
  await heading.waitFor();
  expect(await page().evaluate(() => document.documentElement.lang)).toBe('se');

  // The font the page's text is set in: the design system's, first in the list.
  const family = (await heading.evaluate((element) => getComputedStyle(element).fontFamily)).split(',')[0]!.trim().replace(/^["']|["']$/g, '');
  expect(family).toBe('Source Sans Pro');

  const findings = await page().evaluate(
    async ({ family, letters, faces }) => {
      const results: { face: string; loaded: boolean; fallbackLetters: string[] }[] = [];
      for (const face of faces) {
        const font = `${face.style} ${face.weight} 32px "${family}"`;
        await document.fonts.load(font, letters);
        const loaded = [...document.fonts].some((one) => one.family.replace(/"/g, '') === family && one.weight === String(face.weight) && one.style === face.style && one.status === 'loaded' && one.unicodeRange === 'U+0-10FFFF');
        const widthWith = (letter: string, fallback: string) => {
          const span = document.createElement('span');
          span.textContent = letter;
          span.style.cssText = `font: ${face.style} ${face.weight} 32px "${family}", ${fallback}; position: absolute; white-space: pre;`;
          document.body.append(span);
          const width = span.getBoundingClientRect().width;
          span.remove();
          return width;
        };
        const fallbackLetters = [...letters].filter((letter) => widthWith(letter, 'monospace') !== widthWith(letter, 'serif'));
        results.push({ face: `${face.weight} ${face.style}`, loaded, fallbackLetters });
      }
      return results;
    },
    { family, letters: samiLetters, faces },
  );
  expect(findings).toEqual(faces.map((face) => ({ face: `${face.weight} ${face.style}`, loaded: true, fallbackLetters: [] })));

  // And the test itself can tell: a letter the font lacks (a Georgian one) does fall back.
  const lacking = await page().evaluate((family) => {
    const width = (fallback: string) => {
      const span = document.createElement('span');
      span.textContent = 'ა';
      span.style.cssText = `font: 400 32px "${family}", ${fallback}; position: absolute;`;
      document.body.append(span);
      const measured = span.getBoundingClientRect().width;
      span.remove();
      return measured;
    };
    return width('monospace') !== width('serif');
  }, family);
  expect(lacking).toBe(true);
});
