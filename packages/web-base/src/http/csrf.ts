/** Each app's server sets its CSRF cookie (readable by script) and expects the value back in this header. */
export const csrfHeaderName = 'X-CSRF-Token';

/** Reads the named cookie from a `document.cookie`-style string; undefined when it is not set. */
export function readCookie(name: string, cookieString: string = document.cookie): string | undefined {
  for (const pair of cookieString.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
