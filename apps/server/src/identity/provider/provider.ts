/**
 * The embedded identity provider (test login): an oidc-provider v9 instance inside
 * the Fastify server. It plays ID-porten for the citizen web app (authorization code
 * + PKCE, acr `idporten-loa-high`, national id in `pid`) and HelseID for sender
 * systems (client credentials with `private_key_jwt`, JWT access tokens carrying the
 * organisation number). Never for production: the login page lets anyone pick a
 * person.
 *
 * Routes: discovery at /.well-known/openid-configuration, everything else under /oidc.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { OidcStorage } from '@innboks/db';
import type { Language } from '@innboks/core';
import { testLoginWords } from './test-login-words.ts';
import { providerWords } from './provider-words.ts';
import { visitorLanguage, type RequestLanguage } from '../../language/request-language.ts';
import { loadIdentityKeys } from './keys.ts';
import { clientAssertionAlgorithms, createAdapterFactory, organizationNumberMetadata } from './oidc-adapter.ts';
import {
  assetPaths,
  identityCss,
  logoutScript,
  renderLoginPage,
  renderLogoutPage,
  renderMessagePage,
  type DemoPerson,
} from './pages.ts';
import { renderStaffLoginPage, staffAccountId, staffNationalIdOf, helseIdClaims, helseIdScopes, staffClientScope, type DemoStaffPerson } from './staff-pages.ts';

export interface EmbeddedIdentityProviderOptions {
  /** Where the provider keeps its sessions, grants and codes, and reads sender clients. */
  storage: OidcStorage;
  /** e.g. http://localhost:3000 — no path. */
  issuer: string;
  /** undefined → keys only in memory (tests). */
  dataDir: string | undefined;
  citizenClient: { clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] };
  /** Audience of sender access tokens, e.g. http://localhost:3000/fhir/R4. */
  senderAudience: string;
  /** Claim holding the sender's organisation number, e.g. 'org_number'. */
  orgClaim: string;
  /** The demo people for the test login page, their hints in the page's language. */
  listDemoPersons: (language: Language) => Promise<DemoPerson[]>;
  findPerson: (nationalId: string) => Promise<{ nationalId: string; name: string } | undefined>;
  /** The staff workspace's client (HelseID-shaped login for municipal staff). */
  staffClient?: { clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] };
  listDemoStaff?: () => Promise<DemoStaffPerson[]>;
  findStaff?: (nationalId: string) => Promise<{ nationalId: string; name: string; hprNumber: string | null } | undefined>;
  /** The language of the login pages (the citizen's saved choice, the browser's, Bokmål). */
  language: RequestLanguage;
}

/** The language of a page oidc-provider asks us for: no login is known there, so the browser's choice. */
const contextLanguage = (ctx: KoaContextWithOIDC) => visitorLanguage(ctx.get('cookie') || undefined, ctx.get('accept-language') || undefined);

/** What a citizen login through the test IdP asserts, shaped like ID-porten. */
export const testLoginAcr = 'idporten-loa-high';
export const testLoginAmr = ['TestID'];

/** An assertion may live at most this long (HelseID's rule), plus a little clock skew. */
export const maxAssertionLifetimeSeconds = 60;
const assertionClockSkewSeconds = 5;

export const senderAccessTokenTtlSeconds = 300;
const idpSessionTtlSeconds = 60 * 60;

export const oidcRoutes = {
  authorization: '/oidc/auth',
  backchannel_authentication: '/oidc/backchannel',
  challenge: '/oidc/challenge',
  code_verification: '/oidc/device',
  credential: '/oidc/credential',
  device_authorization: '/oidc/device/auth',
  end_session: '/oidc/session/end',
  introspection: '/oidc/token/introspection',
  jwks: '/oidc/jwks',
  pushed_authorization_request: '/oidc/request',
  registration: '/oidc/reg',
  revocation: '/oidc/token/revocation',
  token: '/oidc/token',
  userinfo: '/oidc/me',
} as const;

const interactionPath = '/oidc/interaction';

export async function registerEmbeddedIdentityProvider(app: FastifyInstance, options: EmbeddedIdentityProviderOptions): Promise<void> {
  const issuer = options.issuer.replace(/\/$/, '');
  const keys = await loadIdentityKeys(options.dataDir);
  const citizenClientId = options.citizenClient.clientId;
  const staffClientId = options.staffClient?.clientId;
  const firstPartyClients = new Set([citizenClientId, ...(staffClientId ? [staffClientId] : [])]);

  const isSenderClient = (client: { grantTypes?: readonly string[] | undefined } | undefined) =>
    client?.grantTypes?.includes('client_credentials') === true;

  const configuration: Configuration = {
    adapter: createAdapterFactory(options.storage),
    clients: [
      {
        client_id: citizenClientId,
        client_secret: options.citizenClient.clientSecret,
        client_name: 'Innboks',
        redirect_uris: options.citizenClient.redirectUris,
        post_logout_redirect_uris: options.citizenClient.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'openid profile',
      },
      ...(options.staffClient
        ? [
            {
              client_id: options.staffClient.clientId,
              client_secret: options.staffClient.clientSecret,
              client_name: 'Innboks for ansatte',
              redirect_uris: options.staffClient.redirectUris,
              post_logout_redirect_uris: options.staffClient.postLogoutRedirectUris,
              grant_types: ['authorization_code'],
              response_types: ['code' as const],
              token_endpoint_auth_method: 'client_secret_basic' as const,
              scope: staffClientScope,
            },
          ]
        : []),
    ],
    clientAuthMethods: ['client_secret_basic', 'private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: [...clientAssertionAlgorithms] },
    jwks: keys.jwks as Configuration['jwks'],
    cookies: {
      keys: keys.cookieKeys,
      names: { session: 'innboks_idp_session', interaction: 'innboks_idp_interaction', resume: 'innboks_idp_resume' },
    },
    routes: oidcRoutes,
    scopes: ['openid', 'profile', ...helseIdScopes],
    // acr and amr ride on the openid scope so every ID token has them, as ID-porten's do.
    claims: {
      openid: ['sub', 'pid', 'acr', 'amr'],
      profile: ['name'],
      ...helseIdClaims,
      auth_time: null,
      sid: null,
      iss: null,
    },
    // Put every granted claim (pid, name) in the ID token, as ID-porten does.
    conformIdTokenClaims: false,
    acrValues: ['idporten-loa-substantial', testLoginAcr],
    pkce: { required: () => true },
    clockTolerance: assertionClockSkewSeconds,
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          // Skip the question when the app proved who asks (a valid id_token_hint).
          const autoContinue = ctx.oidc.entities.IdTokenHint !== undefined && ctx.oidc.client !== undefined;
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form, autoContinue, contextLanguage(ctx));
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          const language = contextLanguage(ctx);
          const words = providerWords[language];
          ctx.body = renderMessagePage(words.loggedOut.title, words.loggedOut.text, { href: '/', text: words.home }, language);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx, client) => (isSenderClient(client) ? options.senderAudience : undefined),
        useGrantedResource: () => false,
        getResourceServerInfo(ctx, resourceIndicator, client) {
          if (resourceIndicator !== options.senderAudience || !isSenderClient(client)) {
            throw new errors.InvalidTarget();
          }
          return {
            scope: 'fhir',
            audience: options.senderAudience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: senderAccessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraClientMetadata: {
      properties: [organizationNumberMetadata],
      validator(ctx, key, value) {
        if (key === organizationNumberMetadata && value !== undefined && typeof value !== 'string') {
          throw new errors.InvalidClientMetadata(`${organizationNumberMetadata} must be a string`);
        }
      },
    },
    extraTokenClaims(ctx, token) {
      if (token.kind !== 'ClientCredentials') return undefined;
      const organizationNumber = ctx.oidc.client?.[organizationNumberMetadata];
      return typeof organizationNumber === 'string' ? { [options.orgClaim]: organizationNumber } : undefined;
    },
    // RFC 7523 as HelseID profiles it, on top of oidc-provider's own checks (signature,
    // iss = client id, aud = issuer or token endpoint, exp present, jti single-use).
    assertJwtClientAuthClaimsAndHeader(ctx, claims, _header, client) {
      if (claims.sub !== client.clientId) {
        throw new errors.InvalidClientAuth('sub (JWT subject) must be the client_id');
      }
      const now = Math.floor(Date.now() / 1000);
      const exp = typeof claims.exp === 'number' ? claims.exp : Number.NaN;
      if (!(exp - now <= maxAssertionLifetimeSeconds + assertionClockSkewSeconds)) {
        throw new errors.InvalidClientAuth(`client assertion must expire at most ${maxAssertionLifetimeSeconds} seconds ahead`);
      }
      if (typeof claims.iat === 'number' && exp - claims.iat > maxAssertionLifetimeSeconds) {
        throw new errors.InvalidClientAuth(`client assertion lifetime (exp - iat) must be at most ${maxAssertionLifetimeSeconds} seconds`);
      }
    },
    async findAccount(ctx, sub) {
      const staffNationalId = staffNationalIdOf(sub);
      if (staffNationalId !== undefined) {
        const staff = await options.findStaff?.(staffNationalId);
        if (!staff) return undefined;
        return {
          accountId: sub,
          claims: () => ({
            sub,
            name: staff.name,
            'helseid://claims/identity/pid': staff.nationalId,
            'helseid://claims/identity/security_level': '4',
            ...(staff.hprNumber ? { 'helseid://claims/hpr/hpr_number': staff.hprNumber } : {}),
          }),
        };
      }
      const person = await options.findPerson(sub);
      if (!person) return undefined;
      return {
        accountId: person.nationalId,
        claims: () => ({ sub: person.nationalId, pid: person.nationalId, name: person.name }),
      };
    },
    // First-party clients get their consent without a consent page.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const client = oidc.client;
      if (!client) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      const accountId = oidc.session?.accountId;
      if (!firstPartyClients.has(client.clientId) || !accountId) return existing;
      const grant = existing ?? new oidc.provider.Grant({ clientId: client.clientId, accountId });
      const allowed = new Set((client.scope ?? 'openid').split(' '));
      const requested = [...oidc.requestParamOIDCScopes].filter((scope) => allowed.has(scope));
      if (requested.length) grant.addOIDCScope(requested);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${interactionPath}/${interaction.uid}` },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? senderAccessTokenTtlSeconds,
      AuthorizationCode: 60,
      ClientCredentials: senderAccessTokenTtlSeconds,
      IdToken: 60 * 60,
      Interaction: 15 * 60,
      Session: idpSessionTtlSeconds,
      Grant: idpSessionTtlSeconds,
      DeviceCode: 10 * 60,
      BackchannelAuthenticationRequest: 10 * 60,
      RefreshToken: idpSessionTtlSeconds,
      PreAuthorizedCode: 10 * 60,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      // The protocol's own error code and description stay as they came: they are for whoever reports the fault.
      const detail = [out.error, out.error_description].filter(Boolean).join(': ');
      const language = contextLanguage(ctx);
      const words = providerWords[language];
      ctx.body = renderMessagePage(words.error.title, words.error.text, { href: '/', text: words.home }, language, detail ? { label: words.error.technical, text: detail } : undefined);
    },
  };

  const provider = new Provider(issuer, configuration);
  // Behind a TLS-terminating proxy the issuer is https while the socket is not.
  provider.proxy = issuer.startsWith('https:');
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => app.log.error({ err: error }, 'identity provider error'));
  const refused = (event: string) => (_ctx: KoaContextWithOIDC, error: Error & { error_description?: string }) =>
    app.log.info({ event, error: error.message, detail: error.error_description }, 'identity provider refused a request');
  provider.on('grant.error', refused('grant.error'));
  provider.on('authorization.error', refused('authorization.error'));
  provider.on('end_session.error', refused('end_session.error'));
  const callback = provider.callback();

  // oidc-provider reads request bodies itself, so nothing in this scope may parse them.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      await callback(request.raw, reply.raw);
    };
    const methods = ['GET', 'POST', 'OPTIONS', 'PUT', 'DELETE'];
    scope.route({ method: methods, url: '/oidc/*', handler: handOver });
    scope.route({ method: ['GET', 'OPTIONS'], url: '/.well-known/openid-configuration', handler: handOver });
    scope.route({ method: ['GET', 'OPTIONS'], url: '/.well-known/oauth-authorization-server', handler: handOver });
  });

  await app.register(async (scope) => registerInteractionRoutes(scope, provider, options));
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

async function registerInteractionRoutes(scope: FastifyInstance, provider: Provider, options: EmbeddedIdentityProviderOptions) {
  if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
  }
  scope.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });

  scope.get(assetPaths.css, async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(identityCss));
  scope.get(assetPaths.logoutScript, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(logoutScript),
  );

  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);

  const languageOf = (request: FastifyRequest) => options.language.of(request);

  const expired = async (request: FastifyRequest, reply: FastifyReply) => {
    const language = await languageOf(request);
    const words = providerWords[language];
    return html(reply, 400, renderMessagePage(words.expired.title, words.expired.text, { href: '/', text: words.home }, language));
  };

  async function details(request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply): Promise<InteractionDetails | undefined> {
    try {
      const interaction = await provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === request.params.uid ? interaction : undefined;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return undefined;
      throw error;
    }
  }

  const isStaffLogin = (interaction: InteractionDetails) =>
    options.staffClient !== undefined && interaction.params.client_id === options.staffClient.clientId;

  async function loginPage(interaction: InteractionDetails, extra: { nationalId?: string; error?: string } = {}, language: Language = 'nb') {
    if (isStaffLogin(interaction)) {
      return renderStaffLoginPage(
        {
          action: `${interactionPath}/${interaction.uid}/login`,
          abortUrl: `${interactionPath}/${interaction.uid}/abort`,
          staff: (await options.listDemoStaff?.()) ?? [],
          ...extra,
        },
        language,
      );
    }
    return renderLoginPage({
      action: `${interactionPath}/${interaction.uid}/login`,
      abortUrl: `${interactionPath}/${interaction.uid}/abort`,
      persons: await options.listDemoPersons(language),
      ...extra,
    }, language);
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, result: Parameters<Provider['interactionFinished']>[2]) {
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
  }

  scope.get<{ Params: { uid: string } }>(`${interactionPath}/:uid`, async (request, reply) => {
    const interaction = await details(request, reply);
    if (!interaction) return expired(request, reply);
    if (interaction.prompt.name === 'login') return html(reply, 200, await loginPage(interaction, {}, await languageOf(request)));
    // Consent for a first-party client is granted in loadExistingGrant; anything
    // still asking for consent here is granted what it asked for.
    if (interaction.prompt.name === 'consent' && interaction.session?.accountId) {
      const clientId = String(interaction.params.client_id);
      const grant = interaction.grantId
        ? ((await provider.Grant.find(interaction.grantId)) ?? new provider.Grant({ clientId, accountId: interaction.session.accountId }))
        : new provider.Grant({ clientId, accountId: interaction.session.accountId });
      const missing = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      return finish(request, reply, { consent: { grantId } });
    }
    const language = await languageOf(request);
    return html(reply, 400, renderMessagePage(providerWords[language].unknownStep, interaction.prompt.name, undefined, language));
  });

  scope.post<{ Params: { uid: string }; Body: Record<string, string> | undefined }>(`${interactionPath}/:uid/login`, async (request, reply) => {
    const interaction = await details(request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return expired(request, reply);
    const typed = String(request.body?.nationalId ?? '');
    const nationalId = typed.replace(/[\s.-]/g, '');
    const language = await languageOf(request);
    if (!/^\d{11}$/.test(nationalId)) {
      return html(reply, 400, await loginPage(interaction, { nationalId: typed, error: testLoginWords[language].elevenDigits }, language));
    }
    if (isStaffLogin(interaction)) {
      const staff = await options.findStaff?.(nationalId);
      if (!staff) {
        return html(reply, 400, await loginPage(interaction, { nationalId: typed, error: providerWords[language].staffLogin.noSuchStaff }, language));
      }
      return finish(request, reply, {
        login: { accountId: staffAccountId(staff.nationalId), acr: testLoginAcr, amr: testLoginAmr, remember: false },
      });
    }
    const person = await options.findPerson(nationalId);
    if (!person) {
      return html(
        reply,
        400,
        await loginPage(interaction, { nationalId: typed, error: testLoginWords[language].noSuchPerson }, language),
      );
    }
    return finish(request, reply, {
      // The test login can pretend a lower security level, so the refusal of it can be tried.
      login: { accountId: person.nationalId, acr: request.body?.securityLevel === 'substantial' ? 'idporten-loa-substantial' : testLoginAcr, amr: testLoginAmr, remember: false },
    });
  });

  scope.get<{ Params: { uid: string } }>(`${interactionPath}/:uid/abort`, async (request, reply) => {
    const interaction = await details(request, reply);
    if (!interaction) return expired(request, reply);
    return finish(request, reply, { error: 'access_denied', error_description: 'Innloggingen ble avbrutt.' });
  });
}
