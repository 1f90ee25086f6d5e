/** The server sets this cookie (readable by script) and expects its value back in `X-CSRF-Token`. */
export const csrfCookieName = 'innboks_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/** Reads the CSRF token from a `document.cookie`-style string; undefined when it is not set. */
export function readCsrfToken(cookieString: string = document.cookie): string | undefined {
  for (const pair of cookieString.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== csrfCookieName) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
