import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnTo('/innboks')).toBe('/innboks');
    expect(safeReturnTo('/innboks/brev/1?kategori=sykehus#svar')).toBe('/innboks/brev/1?kategori=sykehus#svar');
  });

  it('falls back to the start page for anything that could leave the site', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', 'innboks', '/x\r\nLocation: //evil']) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('falls back for missing values and for the login routes themselves', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo(['/a', '/b'])).toBe('/');
    expect(safeReturnTo('')).toBe('/');
    expect(safeReturnTo('/auth/login?returnTo=/x')).toBe('/');
  });
});
