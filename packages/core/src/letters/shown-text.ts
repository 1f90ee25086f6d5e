/**
 * Names and subject lines a citizen reads (the sender's department, a letter's
 * subject). Bidirectional overrides and isolates (U+202A–202E, U+2066–2069) make a
 * name read as another; zero-width and other invisible format characters (U+200B–200F,
 * U+2060, U+FEFF, soft hyphen, tag characters …) hide text or make a subject look
 * empty. They are refused, not stripped: the sender learns its text is not what will
 * be shown, and what is stored is what was sent. Control characters likewise, but
 * for the tab.
 */
export type ShownTextProblem = 'empty' | 'invisible-characters';

/** Unicode categories Cc (control) and Cf (format: bidi controls, zero-width, tags); a tab reads as a space and stays. */
const invisibleCharacter = /(?!\t)[\p{Cc}\p{Cf}]/u;

export function checkShownText(text: string): { ok: true; text: string } | { ok: false; problem: ShownTextProblem } {
  if (invisibleCharacter.test(text)) return { ok: false, problem: 'invisible-characters' };
  const trimmed = text.trim();
  return trimmed.length === 0 ? { ok: false, problem: 'empty' } : { ok: true, text: trimmed };
}

export const shownTextRule = 'must not contain control, bidirectional or zero-width characters';
