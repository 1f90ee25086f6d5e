/**
 * The identity module end to end on a real port: the embedded provider issuing sender
 * tokens and logging a citizen in, the citizen session, CSRF, and the token verifier.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '@innboks/core';
import { CitizenSessionStore, OidcStorage } from '@innboks/db';
import { HttpProblem, problems } from '../http/problem.ts';
import { RequestLanguage } from '../language/request-language.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { registerEmbeddedIdentityProvider } from './provider/provider.ts';
import { createSenderTokenVerifier, SenderAuthenticationError } from './sender-token/verifier.ts';
import { createClientAssertion, discoverTokenEndpoint, fetchSenderAccessToken, requestClientCredentialsToken, TokenRequestError } from './sender-token/testing.ts';
import { registerWebLogin } from './web-session/web-login.ts';
import { citizenAudience } from './web-session/citizen-audience.ts';
import { CookieJar } from '../testing/cookie-jar.ts';

const idleTimeoutSeconds = 600;
const maxAgeSeconds = 1800;
const orgNumber = '974589095';
const clientId = 'test-hospital';
const persons = [
  { nationalId: '01817012345', name: 'Kari Testperson', description: 'har portalbruker' },
  { nationalId: '02827054321', name: 'Ola Testperson' },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function keyPair(alg: 'ES256' | 'RS256'): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateJwk: { ...(await exportJWK(privateKey)), kid, alg }, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } };
}

/** A browser without a browser: keeps cookies, follows redirects only when asked. */
describe.each(testDatabaseKinds())('identity on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let issuer: string;
  let sender: { privateJwk: JWK; publicJwk: JWK };
  let tokenEndpoint: string;
  const clock = fixedClock(new Date());
  const audience = () => `${issuer}/fhir/R4`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    sender = await keyPair('ES256');
    const organization = await db
      .insertInto('organization')
      .values({ org_number: orgNumber, name: 'Testsykehuset', kind: 'hospital', region: 'helse-vest' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sender_client')
      .values({ client_id: clientId, organization_id: organization.id, name: 'Testsykehusets EPJ', jwks: JSON.stringify({ keys: [sender.publicJwk] }) })
      .execute();

    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    app = Fastify();
    // Both on purpose: the provider must still read the token endpoint's form body itself.
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    app.setErrorHandler((error, request, reply) => {
      if (error instanceof HttpProblem) return reply.code(error.status).type('application/problem+json').send(error.toJSON(request.url));
      return reply.code(500).send({ error: String(error) });
    });
    await registerEmbeddedIdentityProvider(app, {
      storage: new OidcStorage(db),
      issuer,
      dataDir: undefined,
      citizenClient: {
        clientId: 'innboks-citizen-web',
        clientSecret: 'citizen-secret',
        redirectUris: [`${issuer}/auth/callback`],
        postLogoutRedirectUris: [`${issuer}/`],
      },
      senderAudience: audience(),
      orgClaim: 'org_number',
      listDemoPersons: async () => persons,
      findPerson: async (nationalId) => persons.find((person) => person.nationalId === nationalId),
      language: new RequestLanguage(),
    });
    const citizenClient = { issuer, clientId: 'innboks-citizen-web', clientSecret: 'citizen-secret' };
    const lifetimes = { idleTimeoutSeconds, maxAgeSeconds };
    const sessions = await registerWebLogin(app, citizenAudience({ client: citizenClient, store: new CitizenSessionStore(db), lifetimes }), {
      publicUrl: issuer,
      clock,
      secureCookies: false,
    });
    app.post('/api/echo', async (request) => {
      const citizen = await sessions.resolve(request);
      if (!citizen) throw problems.unauthenticated();
      return { name: citizen.name };
    });
    app.post('/fhir/R4/Communication', async () => ({ reached: true }));
    await app.listen({ port, host: '127.0.0.1' });
    tokenEndpoint = await discoverTokenEndpoint(issuer);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  beforeEach(() => {
    clock.set(new Date());
  });

  describe('sender tokens', () => {
    it('serves discovery at the root and the provider endpoints under /oidc', async () => {
      const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(metadata.issuer).toBe(issuer);
      expect(metadata.token_endpoint).toBe(`${issuer}/oidc/token`);
      expect(metadata.jwks_uri).toBe(`${issuer}/oidc/jwks`);
      expect(metadata.authorization_endpoint).toBe(`${issuer}/oidc/auth`);
      expect(metadata.end_session_endpoint).toBe(`${issuer}/oidc/session/end`);
      expect(metadata.grant_types_supported).toContain('client_credentials');
      expect(metadata.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    });

    it('gives a sender a JWT access token for the FHIR API that the verifier accepts', async () => {
      const token = await fetchSenderAccessToken(issuer, clientId, sender.privateJwk);
      const claims = decodeJwt(token);
      expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
      expect(claims).toMatchObject({ iss: issuer, aud: audience(), client_id: clientId, org_number: orgNumber });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);

      const verify = createSenderTokenVerifier({ issuer, audience: audience(), orgClaim: 'org_number' });
      await expect(verify(`Bearer ${token}`)).resolves.toEqual({ clientId, organizationNumber: orgNumber });
    });

    it('accepts an RS256 client as well as an ES256 one', async () => {
      const rsa = await keyPair('RS256');
      const organization = await database.db.selectFrom('organization').select('id').where('org_number', '=', orgNumber).executeTakeFirstOrThrow();
      await database.db
        .insertInto('sender_client')
        .values({ client_id: 'test-rsa-client', organization_id: organization.id, name: 'RSA', jwks: JSON.stringify({ keys: [rsa.publicJwk] }) })
        .execute();
      const token = await fetchSenderAccessToken(issuer, 'test-rsa-client', rsa.privateJwk);
      expect(decodeJwt(token)).toMatchObject({ client_id: 'test-rsa-client', org_number: orgNumber });
    });

    it('shares the replay store between server processes through the database', async () => {
      // A second provider on the same database (another process, or this one after a restart).
      const port = await freePort();
      const second = Fastify();
      await registerEmbeddedIdentityProvider(second, {
        storage: new OidcStorage(database.db),
        issuer,
        dataDir: undefined,
        citizenClient: { clientId: 'innboks-citizen-web', clientSecret: 'citizen-secret', redirectUris: [`${issuer}/auth/callback`], postLogoutRedirectUris: [] },
        senderAudience: audience(),
        orgClaim: 'org_number',
        listDemoPersons: async () => [],
        findPerson: async () => undefined,
        language: new RequestLanguage(),
      });
      await second.listen({ port, host: '127.0.0.1' });
      try {
        const assertion = await createClientAssertion(issuer, clientId, sender.privateJwk);
        expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(200);
        expect((await requestClientCredentialsToken(`http://127.0.0.1:${port}/oidc/token`, assertion)).status).toBe(401);
      } finally {
        await second.close();
      }
    });

    it('accepts an assertion whose audience is the issuer', async () => {
      const assertion = await createClientAssertion(issuer, clientId, sender.privateJwk);
      const response = await requestClientCredentialsToken(tokenEndpoint, assertion);
      expect(response.status).toBe(200);
    });

    it('refuses the same assertion the second time', async () => {
      const assertion = await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk);
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(200);
      const again = await requestClientCredentialsToken(tokenEndpoint, assertion);
      expect(again.status).toBe(401);
      expect(await again.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('refuses a new assertion that reuses a jti', async () => {
      const jti = `jti-${Math.random()}`;
      expect((await requestClientCredentialsToken(tokenEndpoint, await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk, { jti }))).status).toBe(200);
      const reused = await requestClientCredentialsToken(tokenEndpoint, await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk, { jti }));
      expect(reused.status).toBe(401);
    });

    it('refuses only one of two simultaneous requests with the same assertion', async () => {
      const assertion = await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk);
      const statuses = await Promise.all([1, 2, 3].map(async () => (await requestClientCredentialsToken(tokenEndpoint, assertion)).status));
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 401)).toHaveLength(2);
    });

    it('refuses an assertion that expires five minutes ahead', async () => {
      const assertion = await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk, { expiresInSeconds: 300 });
      const response = await requestClientCredentialsToken(tokenEndpoint, assertion);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('refuses an expired assertion', async () => {
      const assertion = await createClientAssertion(tokenEndpoint, clientId, sender.privateJwk, { expiresInSeconds: -60 });
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(401);
    });

    it('refuses an assertion signed with another key', async () => {
      const stranger = await keyPair('ES256');
      const assertion = await createClientAssertion(tokenEndpoint, clientId, { ...stranger.privateJwk, kid: sender.privateJwk.kid });
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(401);
      await expect(fetchSenderAccessToken(issuer, clientId, stranger.privateJwk)).rejects.toBeInstanceOf(TokenRequestError);
    });

    it('refuses an assertion whose subject is not the client', async () => {
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ jti: `jti-${Math.random()}` })
        .setProtectedHeader({ alg: 'ES256', kid: sender.privateJwk.kid! })
        .setIssuer(clientId)
        .setSubject('someone-else')
        .setAudience(tokenEndpoint)
        .setIssuedAt(now)
        .setExpirationTime(now + 30)
        .sign(await (await import('jose')).importJWK(sender.privateJwk, 'ES256'));
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(401);
    });

    it('refuses an assertion for another audience', async () => {
      const assertion = await createClientAssertion('https://helseid.example/connect/token', clientId, sender.privateJwk);
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(401);
    });

    it('refuses an unknown client', async () => {
      const assertion = await createClientAssertion(tokenEndpoint, 'nobody', sender.privateJwk);
      expect((await requestClientCredentialsToken(tokenEndpoint, assertion)).status).toBe(401);
    });

    it('has the verifier refuse a token for another audience', async () => {
      const token = await fetchSenderAccessToken(issuer, clientId, sender.privateJwk);
      const verify = createSenderTokenVerifier({ issuer, audience: 'https://elsewhere.example/fhir', orgClaim: 'org_number' });
      const error = await verify(`Bearer ${token}`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SenderAuthenticationError);
      expect((error as SenderAuthenticationError).wwwAuthenticate).toContain('error="invalid_token"');
    });

    it('has the verifier refuse a token it did not issue, and a missing one', async () => {
      const verify = createSenderTokenVerifier({ issuer, audience: audience(), orgClaim: 'org_number' });
      const forger = await keyPair('RS256');
      const forged = await new SignJWT({ client_id: clientId, org_number: orgNumber })
        .setProtectedHeader({ alg: 'RS256', kid: forger.privateJwk.kid! })
        .setIssuer(issuer)
        .setAudience(audience())
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(await (await import('jose')).importJWK(forger.privateJwk, 'RS256'));
      await expect(verify(`Bearer ${forged}`)).rejects.toBeInstanceOf(SenderAuthenticationError);
      const missing = await verify(undefined).catch((caught: unknown) => caught);
      expect(missing).toBeInstanceOf(SenderAuthenticationError);
      expect((missing as SenderAuthenticationError).tokenPresented).toBe(false);
      expect((missing as SenderAuthenticationError).wwwAuthenticate).toBe('Bearer realm="innboks"');
      await expect(verify('Basic abc')).rejects.toBeInstanceOf(SenderAuthenticationError);
    });
  });

  describe('citizen login', () => {
    async function openLoginPage(jar: CookieJar, returnTo = '/innboks') {
      const start = await jar.fetch(`${issuer}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect(start.status).toBe(303);
      expect(start.headers.get('location')).toMatch(new RegExp(`^${issuer}/oidc/auth\\?`));
      const { response, url } = await jar.follow(start.headers.get('location')!);
      expect(response.status).toBe(200);
      return { html: await response.text(), url };
    }

    function personForm(html: string, nationalId: string): string {
      const match = new RegExp(`<form method="post" action="([^"]+)">\\s*<input type="hidden" name="nationalId" value="${nationalId}">`).exec(html);
      if (!match?.[1]) throw new Error(`no login form for ${nationalId}`);
      return match[1];
    }

    async function submitLogin(jar: CookieJar, action: string, nationalId: string) {
      return jar.follow(`${issuer}${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ nationalId }),
      });
    }

    async function logIn(jar: CookieJar, person = persons[0]!, returnTo = '/innboks') {
      const { html } = await openLoginPage(jar, returnTo);
      const { response } = await submitLogin(jar, personForm(html, person.nationalId), person.nationalId);
      expect(response.status).toBe(303);
      return response.headers.get('location');
    }

    const session = (jar: CookieJar) => jar.fetch(`${issuer}/api/session`);
    const sessionIdOf = (jar: CookieJar) => createHash('sha256').update(jar.cookies.get('innboks_session') ?? '').digest('hex');
    const lastSeen = async (jar: CookieJar) =>
      (await database.db.selectFrom('citizen_session').select('last_seen_at').where('id', '=', sessionIdOf(jar)).executeTakeFirst())?.last_seen_at;

    it('shows a Norwegian test login page with the demo persons', async () => {
      const { html } = await openLoginPage(new CookieJar());
      expect(html).toContain('<html lang="nb">');
      expect(html).toMatch(/<title>Testinnlogging – ikke ekte ID-porten<\/title>/);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).toContain('<main>');
      expect(html).toContain('<label for="nationalId">Fødselsnummer</label>');
      expect(html).toContain('<button type="submit">Logg inn</button>');
      expect(html).toContain('Logg inn som Kari Testperson');
      expect(html).toContain('01817012345');
      expect(html).not.toMatch(/<script|style=|<style/);
    });

    it('logs a demo person in end to end and GET /api/session says who', async () => {
      const jar = new CookieJar();
      expect(await logIn(jar)).toBe('/innboks');
      expect(jar.cookies.get('innboks_session')).toBeTruthy();
      expect(jar.cookies.get('innboks_csrf')).toBeTruthy();
      const response = await session(jar);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ citizen: { name: 'Kari Testperson', nationalId: '01817012345' }, idleTimeoutSeconds });

      // The database keeps only the hash of the cookie's token.
      const stored = await database.db.selectFrom('citizen_session').selectAll().where('id', '=', sessionIdOf(jar)).executeTakeFirstOrThrow();
      expect(stored.acr).toBe('idporten-loa-high');
      expect(stored.id).not.toBe(jar.cookies.get('innboks_session'));
      const citizen = await database.db.selectFrom('citizen').selectAll().where('id', '=', stored.citizen_id).executeTakeFirstOrThrow();
      expect(citizen).toMatchObject({ national_id: '01817012345', name: 'Kari Testperson' });
    });

    it('puts ID-porten-shaped claims in the ID token', async () => {
      const jar = new CookieJar();
      await logIn(jar, persons[1]);
      const row = await database.db
        .selectFrom('citizen_session')
        .innerJoin('citizen', 'citizen.id', 'citizen_session.citizen_id')
        .select('id_token')
        .where('citizen.national_id', '=', persons[1]!.nationalId)
        .executeTakeFirstOrThrow();
      expect(decodeJwt(row.id_token!)).toMatchObject({
        iss: issuer,
        aud: 'innboks-citizen-web',
        sub: persons[1]!.nationalId,
        pid: persons[1]!.nationalId,
        name: 'Ola Testperson',
        acr: 'idporten-loa-high',
        amr: ['TestID'],
      });
    });

    it('logs in by typing a national id', async () => {
      const jar = new CookieJar();
      const { html } = await openLoginPage(jar, '/');
      const action = /<form method="post" action="([^"]+)" novalidate>/.exec(html)?.[1];
      const { response } = await submitLogin(jar, action!, '018170 12345');
      expect(response.headers.get('location')).toBe('/');
      expect(await (await session(jar)).json()).toMatchObject({ citizen: { nationalId: '01817012345' } });
    });

    it('answers a malformed or unknown national id with the page again and an error tied to the field', async () => {
      const jar = new CookieJar();
      const { html } = await openLoginPage(jar);
      const action = /<form method="post" action="([^"]+)" novalidate>/.exec(html)![1]!;
      for (const [typed, message] of [
        ['123', 'Fødselsnummeret må ha 11 siffer.'],
        ['99999999999', 'Fant ingen testperson'],
      ] as const) {
        const { response } = await submitLogin(jar, action, typed);
        expect(response.status).toBe(400);
        const page = await response.text();
        expect(page).toContain('aria-describedby="nationalId-error"');
        expect(page).toContain('aria-invalid="true"');
        expect(page).toMatch(new RegExp(`<p class="error" id="nationalId-error">${message}`));
        expect(page).toContain(`value="${typed}"`);
      }
    });

    it('only returns to paths on this site', async () => {
      expect(await logIn(new CookieJar(), persons[0], 'https://evil.example/')).toBe('/');
      expect(await logIn(new CookieJar(), persons[0], '//evil.example/x')).toBe('/');
      expect(await logIn(new CookieJar(), persons[0], '/innboks/brev/1?x=1')).toBe('/innboks/brev/1?x=1');
    });

    it('refuses a callback without the login cookie', async () => {
      const jar = new CookieJar();
      const { html } = await openLoginPage(jar);
      const action = personForm(html, persons[0]!.nationalId);
      jar.cookies.delete('innboks_login');
      const { response } = await submitLogin(jar, action, persons[0]!.nationalId);
      expect(response.status).toBe(400);
      expect(jar.cookies.has('innboks_session')).toBe(false);
    });

    it('answers 503 with a retry link when the identity provider cannot be reached', async () => {
      const offline = Fastify();
      const unreachable = { issuer: `http://127.0.0.1:${await freePort()}`, clientId: 'innboks-citizen-web', clientSecret: 'citizen-secret' };
      const store = new CitizenSessionStore(database.db);
      await registerWebLogin(offline, citizenAudience({ client: unreachable, store, lifetimes: { idleTimeoutSeconds, maxAgeSeconds } }), {
        publicUrl: 'http://localhost:3000',
        clock,
        secureCookies: true,
      });
      const response = await offline.inject({ method: 'GET', url: '/auth/login?returnTo=/innboks' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('href="/auth/login?returnTo=%2Finnboks"');
      await offline.close();
    });

    it('answers 401 problem without a session', async () => {
      const response = await session(new CookieJar());
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, title: 'Ikke innlogget' });
    });

    it('logs out: the session ends on the server and the identity provider logs out too', async () => {
      const jar = new CookieJar();
      await logIn(jar);
      const oldCookie = jar.cookies.get('innboks_session')!;
      const logout = await jar.fetch(`${issuer}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': jar.cookies.get('innboks_csrf')! } });
      expect(logout.status).toBe(200);
      const { redirectTo } = (await logout.json()) as { redirectTo: string };
      const endSession = new URL(redirectTo);
      expect(endSession.origin + endSession.pathname).toBe(`${issuer}/oidc/session/end`);
      expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
      expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${issuer}/`);
      expect(jar.cookies.has('innboks_session')).toBe(false);

      const stale = new CookieJar();
      stale.cookies.set('innboks_session', oldCookie);
      expect((await session(stale)).status).toBe(401);

      // The IdP's page continues by itself (external script) and has a button as fallback.
      const page = await jar.fetch(redirectTo);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<script src="/oidc/assets/logout.js" defer></script>');
      expect(html).toContain('Logg ut</button>');
      const action = /<form data-auto-submit="" id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)![1]!;
      const form = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((match) => [match[1]!, match[2]!]));
      expect(form.get('logout')).toBe('yes');
      const confirmed = await jar.fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(`${issuer}/`);

      // The IdP session is gone too: the next login asks who you are again.
      const { html: again } = await openLoginPage(jar);
      expect(again).toContain('Fødselsnummer');
    });

    it('answers logout without a session with a redirect home', async () => {
      const jar = new CookieJar();
      jar.cookies.set('innboks_csrf', 'abc');
      const response = await jar.fetch(`${issuer}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': 'abc' } });
      expect(await response.json()).toEqual({ redirectTo: '/' });
    });

    it('ends a session after the idle timeout', async () => {
      const jar = new CookieJar();
      await logIn(jar);
      clock.advance((idleTimeoutSeconds - 120) * 1000);
      expect((await session(jar)).status).toBe(200);
      // That request counted as activity, so the idle time starts again from there.
      clock.advance((idleTimeoutSeconds - 120) * 1000);
      expect((await session(jar)).status).toBe(200);
      clock.advance((idleTimeoutSeconds + 1) * 1000);
      expect((await session(jar)).status).toBe(401);
      expect(await lastSeen(jar)).toBeUndefined();
      clock.set(new Date());
      expect((await session(jar)).status).toBe(401);
    });

    it('writes last_seen_at at most once a minute', async () => {
      const jar = new CookieJar();
      await logIn(jar);
      const first = await lastSeen(jar);
      clock.advance(30_000);
      expect((await session(jar)).status).toBe(200);
      expect(await lastSeen(jar)).toEqual(first);
      clock.advance(31_000);
      expect((await session(jar)).status).toBe(200);
      expect((await lastSeen(jar))?.getTime()).toBe(clock.now().getTime());
    });

    it('ends a session after the maximum age, however active', async () => {
      const jar = new CookieJar();
      await logIn(jar);
      for (let elapsed = 0; elapsed + 500 < maxAgeSeconds; elapsed += 500) {
        clock.advance(500 * 1000);
        expect((await session(jar)).status).toBe(200);
      }
      clock.advance(500 * 1000);
      expect((await session(jar)).status).toBe(401);
    });

    it('refuses a POST to /api without the CSRF header, and accepts it with', async () => {
      const jar = new CookieJar();
      await logIn(jar);
      const without = await jar.fetch(`${issuer}/api/echo`, { method: 'POST' });
      expect(without.status).toBe(403);
      expect(await without.json()).toMatchObject({ status: 403 });
      const wrong = await jar.fetch(`${issuer}/api/echo`, { method: 'POST', headers: { 'x-csrf-token': 'guess' } });
      expect(wrong.status).toBe(403);
      const right = await jar.fetch(`${issuer}/api/echo`, { method: 'POST', headers: { 'x-csrf-token': jar.cookies.get('innboks_csrf')! } });
      expect(right.status).toBe(200);
      expect(await right.json()).toEqual({ name: 'Kari Testperson' });
      const logout = await jar.fetch(`${issuer}/auth/logout`, { method: 'POST' });
      expect(logout.status).toBe(403);
    });

    it('leaves the sender API and the provider out of the CSRF check', async () => {
      const response = await fetch(`${issuer}/fhir/R4/Communication`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(200);
    });
  });
});
