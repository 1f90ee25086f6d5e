/** A tiny browser stand-in for tests: keeps cookies and follows redirects by hand. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', attributeValue = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
        if (key.toLowerCase() === 'expires') return new Date(attributeValue).getTime() < Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects while they stay inside `within` paths; returns the last response and its URL. */
  async follow(url: string, init: RequestInit = {}, within = ['/oidc/', '/auth/']): Promise<{ response: Response; url: string }> {
    let response = await this.fetch(url, init);
    let current = url;
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get('location') ?? '', current);
      if (!within.some((prefix) => next.pathname.startsWith(prefix))) return { response, url: current };
      current = next.href;
      response = await this.fetch(current);
    }
    return { response, url: current };
  }
}

/** Logs a citizen in through the test login page, as a browser would; returns the jar with the session. */
export async function loginAsCitizen(baseUrl: string, nationalId: string, returnTo = '/innboks'): Promise<CookieJar> {
  const jar = new CookieJar();
  const start = await jar.fetch(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const { response: page, url } = await jar.follow(new URL(start.headers.get('location') ?? '', baseUrl).href);
  const html = await page.text();
  const action = new RegExp(`<form method="post" action="([^"]+)">\\s*<input type="hidden" name="nationalId" value="${nationalId}">`).exec(html)?.[1];
  if (!action) throw new Error(`No login button for ${nationalId} on ${url}`);
  const { response } = await jar.follow(new URL(action, baseUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ nationalId }),
  });
  if (response.status !== 303 || !jar.cookies.get('innboks_session')) throw new Error(`Login failed for ${nationalId}: ${response.status}`);
  return jar;
}

/** Headers for a state-changing request: the CSRF token from the jar's cookie. */
export function csrfHeaders(jar: CookieJar): Record<string, string> {
  return { 'x-csrf-token': jar.cookies.get('innboks_csrf') ?? '', 'content-type': 'application/json' };
}
