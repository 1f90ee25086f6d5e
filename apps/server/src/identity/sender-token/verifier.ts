/**
 * Checks a sender's bearer access token: a JWT from the configured issuer (the
 * embedded provider, or HelseID in production), signed with a key from the issuer's
 * JWKS (found by discovery), for our audience, not expired, naming the client and
 * its organisation.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface SenderTokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Claim that holds the organisation number, e.g. 'org_number'. */
  orgClaim: string;
  /** Seconds of clock skew accepted on exp/nbf. Default 5. */
  clockToleranceSeconds?: number;
}

export interface SenderIdentity {
  clientId: string;
  organizationNumber: string;
}

/**
 * No valid bearer token. The FHIR layer answers 401 with `WWW-Authenticate` set to
 * `error.wwwAuthenticate` (`Bearer`, plus `error="invalid_token"` when a token was given).
 */
export class SenderAuthenticationError extends Error {
  override readonly name = 'SenderAuthenticationError';
  readonly statusCode = 401;

  constructor(
    message: string,
    /** True when a bearer token was presented (and was bad). */
    readonly tokenPresented: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get wwwAuthenticate(): string {
    if (!this.tokenPresented) return 'Bearer realm="innboks"';
    const description = this.message.replace(/["\\]/g, "'");
    return `Bearer realm="innboks", error="invalid_token", error_description="${description}"`;
  }
}

const acceptedAlgorithms = ['RS256', 'PS256', 'ES256'];

export function createSenderTokenVerifier(
  options: SenderTokenVerifierOptions,
): (authorizationHeader: string | undefined) => Promise<SenderIdentity> {
  const issuer = options.issuer.replace(/\/$/, '');
  let keySet: Promise<JWTVerifyGetKey> | undefined;

  const jwks = () => {
    keySet ??= (async () => {
      const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
      const response = await fetch(discoveryUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`discovery at ${discoveryUrl} answered ${response.status}`);
      const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (typeof metadata.issuer !== 'string' || metadata.issuer.replace(/\/$/, '') !== issuer) {
        throw new Error(`discovery at ${discoveryUrl} names another issuer (${String(metadata.issuer)})`);
      }
      if (typeof metadata.jwks_uri !== 'string') throw new Error(`discovery at ${discoveryUrl} has no jwks_uri`);
      return createRemoteJWKSet(new URL(metadata.jwks_uri));
    })().catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return keySet;
  };

  // A sender sends many letters with one token: a token verified once is known until it
  // expires, so the signature check (and the JSON work around it) is done once per token,
  // not once per letter. Bounded; cleared whole when full.
  const verified = new Map<string, { identity: SenderIdentity; expiresAtMs: number }>();
  const maxVerified = 10_000;

  return async (authorizationHeader) => {
    const match = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i.exec(authorizationHeader ?? '');
    if (!authorizationHeader) throw new SenderAuthenticationError('Bearer token required', false);
    if (!match?.[1]) throw new SenderAuthenticationError('Malformed Authorization header; expected "Bearer <token>"', true);
    const token = match[1];
    const known = verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.identity;
      verified.delete(token);
    }

    let getKey: JWTVerifyGetKey;
    try {
      getKey = await jwks();
    } catch (cause) {
      // Our problem, not the caller's: let the error handler answer 5xx.
      throw new Error('Cannot reach the sender token issuer to verify tokens', { cause });
    }

    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        issuer: [issuer, `${issuer}/`],
        audience: options.audience,
        algorithms: acceptedAlgorithms,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp'],
      }));
    } catch (cause) {
      if (cause instanceof joseErrors.JOSEError && !(cause instanceof joseErrors.JWKSTimeout)) {
        throw new SenderAuthenticationError(describe(cause), true, { cause });
      }
      throw cause;
    }

    const clientId = payload.client_id;
    const organizationNumber = payload[options.orgClaim];
    if (typeof clientId !== 'string' || clientId.length === 0) {
      throw new SenderAuthenticationError('Access token has no client_id', true);
    }
    if (typeof organizationNumber !== 'string' || organizationNumber.length === 0) {
      throw new SenderAuthenticationError(`Access token has no ${options.orgClaim}`, true);
    }
    const identity = { clientId, organizationNumber };
    if (typeof payload.exp === 'number') {
      if (verified.size >= maxVerified) verified.clear();
      verified.set(token, { identity, expiresAtMs: payload.exp * 1000 });
    }
    return identity;
  };
}

function describe(error: joseErrors.JOSEError): string {
  if (error instanceof joseErrors.JWTExpired) return 'Access token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'Access token is for another audience';
    if (error.claim === 'iss') return 'Access token is from another issuer';
    return `Access token claim ${error.claim} is invalid`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'Access token signature is invalid';
  }
  return 'Access token is invalid';
}
