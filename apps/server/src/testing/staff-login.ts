/** Logs a staff member in through the staff variant of the test login, as a browser would. */
import { CookieJar } from './cookie-jar.ts';

export async function loginAsStaff(baseUrl: string, nationalId: string, returnTo = '/ansatt/'): Promise<CookieJar> {
  const jar = new CookieJar();
  const start = await jar.fetch(`${baseUrl}/ansatt/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const { response: page, url } = await jar.follow(new URL(start.headers.get('location') ?? '', baseUrl).href, {}, ['/oidc/', '/ansatt/auth/']);
  const html = await page.text();
  const action = new RegExp(`<form method="post" action="([^"]+)">\\s*<input type="hidden" name="nationalId" value="${nationalId}">`).exec(html)?.[1];
  if (!action) throw new Error(`No staff login button for ${nationalId} on ${url}`);
  const { response } = await jar.follow(
    new URL(action, baseUrl).href,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ nationalId }) },
    ['/oidc/', '/ansatt/auth/'],
  );
  if (response.status !== 303 || !jar.cookies.get('innboks_staff_session')) throw new Error(`Staff login failed for ${nationalId}: ${response.status}`);
  return jar;
}

/** Headers for a state-changing staff request: the staff CSRF token from the jar's cookie. */
export function staffCsrfHeaders(jar: CookieJar): Record<string, string> {
  return { 'x-csrf-token': jar.cookies.get('innboks_staff_csrf') ?? '', 'content-type': 'application/json' };
}
