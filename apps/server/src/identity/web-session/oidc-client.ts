/** The web login's side of OpenID Connect (openid-client v6): the provider's configuration. */
import * as oidc from 'openid-client';

export interface OidcClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

function isLocalhost(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
}

/**
 * The provider's configuration, discovered on first use (in embedded mode the issuer
 * is this very server, not listening yet at start) and again after a failure.
 */
export function lazyOidcConfiguration(client: OidcClient): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | undefined;
  return () => {
    discovered ??= (async () => {
      const issuer = new URL(client.issuer);
      const insecure = issuer.protocol === 'http:' && isLocalhost(issuer);
      return oidc.discovery(issuer, client.clientId, { client_secret: client.clientSecret }, oidc.ClientSecretBasic(client.clientSecret), {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
}
