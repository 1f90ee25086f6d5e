/**
 * Sender-side helpers: make a client assertion (RFC 7523, `private_key_jwt`) and trade
 * it for an access token, the way a sender system does against HelseID. Used by the
 * API tests, the browser tests and the `sender-token` CLI.
 */
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';

export const clientAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface ClientAssertionOptions {
  /** Seconds until exp; default 60 (the most the server accepts). */
  expiresInSeconds?: number;
  /** Default: a fresh random UUID. */
  jti?: string;
}

/** The JWS algorithm for a private JWK: its `alg`, else RS256 for RSA and ES256 for P-256. */
export function algorithmFor(jwk: JWK): string {
  if (jwk.alg) return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  throw new Error(`Cannot tell the signing algorithm of a ${jwk.kty} key; set "alg" on the JWK`);
}

export async function createClientAssertion(
  tokenEndpoint: string,
  clientId: string,
  privateJwk: JWK,
  options: ClientAssertionOptions = {},
): Promise<string> {
  const alg = algorithmFor(privateJwk);
  const key = await importJWK(privateJwk, alg);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenEndpoint)
    .setJti(options.jti ?? randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 60))
    .sign(key);
}

/** The token endpoint from `<baseUrl>/.well-known/openid-configuration`. */
export async function discoverTokenEndpoint(baseUrl: string): Promise<string> {
  const url = `${baseUrl.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const metadata = (await response.json()) as { token_endpoint?: unknown };
  if (typeof metadata.token_endpoint !== 'string') throw new Error(`${url} has no token_endpoint`);
  return metadata.token_endpoint;
}

/** POSTs a client-credentials request with the given assertion; the raw response, for tests of refusals. */
export async function requestClientCredentialsToken(
  tokenEndpoint: string,
  clientAssertion: string,
  parameters: Record<string, string> = {},
): Promise<Response> {
  return fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: clientAssertionType,
      client_assertion: clientAssertion,
      ...parameters,
    }),
  });
}

export interface SenderTokenOptions extends ClientAssertionOptions {
  /** Extra token request parameters, e.g. { resource } or { scope }. */
  parameters?: Record<string, string>;
}

export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Token request failed with ${status}: ${JSON.stringify(body)}`);
  }
}

/** Discovery → token endpoint → client credentials with `private_key_jwt`; returns the access token. */
export async function fetchSenderAccessToken(baseUrl: string, clientId: string, privateJwk: JWK, options: SenderTokenOptions = {}): Promise<string> {
  const tokenEndpoint = await discoverTokenEndpoint(baseUrl);
  const assertion = await createClientAssertion(tokenEndpoint, clientId, privateJwk, options);
  const response = await requestClientCredentialsToken(tokenEndpoint, assertion, options.parameters);
  const body = (await response.json().catch(() => undefined)) as { access_token?: unknown } | undefined;
  if (!response.ok || typeof body?.access_token !== 'string') throw new TokenRequestError(response.status, body);
  return body.access_token;
}
