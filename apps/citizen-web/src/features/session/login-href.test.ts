import { describe, expect, test } from 'vitest';
import { loginHref, returnToOfState } from './login-href.ts';

describe('login href', () => {
  test('comes back to the requested page on this site', () => {
    expect(loginHref('/innboks/7d0f?x=1')).toBe('/auth/login?returnTo=%2Finnboks%2F7d0f%3Fx%3D1');
    expect(returnToOfState({ returnTo: '/timeavtaler' })).toBe('/timeavtaler');
  });

  test('anything that could leave the site goes to the inbox', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', undefined, 42]) expect(loginHref(bad)).toBe('/auth/login?returnTo=%2Finnboks');
    expect(returnToOfState(null)).toBeUndefined();
  });

  test('a fresh login asks the provider to log in again', () => {
    expect(loginHref('/innboks', { fresh: true })).toBe('/auth/login?returnTo=%2Finnboks&prompt=login');
  });
});
