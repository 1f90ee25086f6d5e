/**
 * Where to go after login: only a path on this site. Anything that could leave the
 * site (`//evil.example`, `/\evil.example`, `https://…`, control characters) falls
 * back to the start page, so /auth/login is no open redirect.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = 'http://innboks.invalid';
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return fallback;
  }
  if (parsed.origin !== base) return fallback;
  if (parsed.pathname.startsWith('/auth/')) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
