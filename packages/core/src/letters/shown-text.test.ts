import { describe, expect, test } from 'vitest';
import { checkShownText } from './shown-text.ts';

describe('text shown to citizens as a name or subject', () => {
  test('ordinary Norwegian text is kept, trimmed', () => {
    expect(checkShownText('  Svar på røntgen – Ålesund ')).toEqual({ ok: true, text: 'Svar på røntgen – Ålesund' });
  });
  test.each([
    ['right-to-left override', 'Sykehuset\u202Etsoprevlah'],
    ['isolate', 'Klinikk \u2067x\u2069'],
    ['zero-width space', 'Fast\u200Blege'],
    ['zero-width joiner', 'Fast\u200Dlege'],
    ['byte order mark', '\uFEFFNAV'],
    ['line break', 'Svar\nher'],
  ])('a %s is refused', (_name, text) => {
    expect(checkShownText(text)).toEqual({ ok: false, problem: 'invisible-characters' });
  });
  test('a tab stays', () => {
    expect(checkShownText('Svar\tprøve')).toEqual({ ok: true, text: 'Svar\tprøve' });
  });
  test('only spaces is empty', () => {
    expect(checkShownText(' \u00A0 ')).toEqual({ ok: false, problem: 'empty' });
  });
});
