/**
 * The HTTP composition: plugins, security headers, error mapping, identity, and
 * the routes of each area. Everything it needs comes in as dependencies, so tests
 * build the same app on an in-memory database.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { CitizenSessionStore, DialogExchanges, Directory, MunicipalDirectory, heldNotices, OidcStorage, Scopes, StaffSessionStore, type Database, type ReadReplica } from '@innboks/db';
import type { PublicConfig } from '@innboks/contracts';
import type { Config } from './config.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerJsonParsers } from './http/raw-body.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { RequestLanguage } from './language/request-language.ts';
import { registerNulCharacterRefusal } from './http/refuse-nul-characters.ts';
import { registerRateLimits } from './http/rate-limits.ts';
import { registerFhirRoutes, type SavedLetter } from './fhir/routes.ts';
import { registerMunicipalFhirRoutes } from './fhir/municipal-routes.ts';
import { registerInboxRoutes } from './web/inbox-routes.ts';
import { registerAppointmentRoutes } from './web/appointment-routes.ts';
import { registerAppointmentFhirRoutes } from './fhir/appointment-routes.ts';
import { registerFormFhirRoutes } from './fhir/form-routes.ts';
import { registerEmbeddedIdentityProvider } from './identity/provider/provider.ts';
import { createSenderTokenVerifier } from './identity/sender-token/verifier.ts';
import { registerWebLogin, type WebLoginOptions } from './identity/web-session/web-login.ts';
import { citizenAudience } from './identity/web-session/citizen-audience.ts';
import { staffAudience } from './identity/web-session/staff-audience.ts';
import { registerGuards } from './access/guards.ts';
import { demoCitizens } from './demo/demo-data.ts';
import { registerMunicipalRoutes } from './web/municipal-routes.ts';
import { registerStaffRoutes } from './staff/staff-routes.ts';
import { registerOperatorRoutes } from './staff/operator-routes.ts';
import { registerStaffWebApp, staffClientSecretFor } from './staff/staff-web.ts';
import { registerNoticeSettingsRoutes } from './web/notice-settings-routes.ts';
import { registerLanguageRoutes } from './web/language-routes.ts';
import { registerFormRoutes } from './web/form-routes.ts';
import { registerDeliveryDevRoutes } from './dev/delivery-dev-routes.ts';
import { buildDeliveryAdapters } from './delivery/adapters.ts';
import { RepresentationCheck } from './access/representation-check.ts';
import { registerRepresentationRoutes } from './web/representation-routes.ts';
import { deliverySettings } from './delivery/delivery-runtime.ts';
import { citizenWebDist, formsWebDist } from './web-app-dist.ts';
import { registerWebAppAtPrefix } from './web-app-at-prefix.ts';
import type { Metrics } from './metrics/metrics.ts';
import { registerHttpMetrics } from './metrics/http-metrics.ts';
import { registerHealthRoutes, type ReadinessCheck } from './metrics/health.ts';
import { registerTokenMetricsRoute } from './metrics/metrics-endpoints.ts';

export interface AppDependencies {
  config: Config;
  db: Kysely<Database>;
  /** A streaming replica of `db` for citizens' reads (DATABASE_READ_URL; runtime.ts openReadReplica). */
  readReplica?: ReadReplica | undefined;
  clock: Clock;
  /** The citizen web client's secret at the identity provider. */
  citizenClientSecret: string;
  /** Seals the staff access log (runtime.ts accessLogKey). */
  accessLogKey: string;
  onLetterSaved?: (saved: SavedLetter) => void;
  /** The process's metrics: HTTP latency and letters accepted are counted into it (metrics/metrics.ts). */
  metrics?: Metrics;
  /** Where the log goes (main.ts: standard output without blocking on it); default pino's standard output. */
  logStream?: NodeJS.WritableStream;
  /** More parts /readyz asks besides the database (a broker, when configured). */
  readinessChecks?: ReadinessCheck[];
  /** Folder of the built citizen web app; default apps/citizen-web/dist. */
  webDist?: string;
  /** The staff web client's secret; default: STAFF_OIDC_CLIENT_SECRET, or (embedded IdP) derived from the citizen client's. */
  staffClientSecret?: string;
  /** Sees every route as it is added (the access-matrix test builds its table from these). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

const maxBodyBytes = 32 * 1024 * 1024;
const personalDataPrefixes = ['/api/', '/fhir/', '/auth/', '/oidc/', '/ansatt/api/', '/ansatt/auth/'];

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, db, clock } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'], ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: maxBodyBytes,
    trustProxy: config.production,
  });
  if (deps.onRoute) {
    const onRoute = deps.onRoute;
    app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));
  }
  if (deps.metrics) registerHttpMetrics(app, deps.metrics);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonParsers(app, maxBodyBytes);
  const requestLanguage = new RequestLanguage();
  registerErrorHandler(app, requestLanguage);
  registerNulCharacterRefusal(app);
  await registerRateLimits(app, config.rateLimits);

  await app.register(fastifyCookie);
  const identityOrigins = [...new Set([config.citizenOidc.issuer, config.staffOidc.issuer].map((issuer) => new URL(issuer).origin))];
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...identityOrigins],
      },
    },
    strictTransportSecurity: config.production,
  });
  app.addHook('onSend', async (request, reply) => {
    if (personalDataPrefixes.some((prefix) => request.url.startsWith(prefix))) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
  });

  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Innboks citizen web API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const directory = new Directory(db);
  const municipalDirectory = new MunicipalDirectory(db);
  const staffClientSecret = deps.staffClientSecret ?? staffClientSecretFor(config, deps.citizenClientSecret);
  if (config.embeddedIdentityProvider) {
    await registerEmbeddedIdentityProvider(app, {
      storage: new OidcStorage(db),
      issuer: config.publicUrl,
      dataDir: config.dataDir,
      citizenClient: {
        clientId: config.citizenOidc.clientId,
        clientSecret: deps.citizenClientSecret,
        redirectUris: [`${config.publicUrl}/auth/callback`],
        postLogoutRedirectUris: [`${config.publicUrl}/`],
      },
      senderAudience: config.senderToken.audience,
      orgClaim: config.senderToken.orgClaim,
      listDemoPersons: async (language) => {
        const citizens = await directory.listCitizens();
        return citizens.map((citizen) => ({
          nationalId: citizen.national_id,
          name: citizen.name,
          description: demoCitizens.find((demo) => demo.nationalId === citizen.national_id)?.description[language],
        }));
      },
      findPerson: async (nationalId) => {
        const citizen = await directory.findCitizen(nationalId);
        return citizen && citizen.name ? { nationalId: citizen.national_id, name: citizen.name } : undefined;
      },
      staffClient: {
        clientId: config.staffOidc.clientId,
        clientSecret: staffClientSecret,
        redirectUris: [`${config.publicUrl}/ansatt/auth/callback`],
        postLogoutRedirectUris: [`${config.publicUrl}/ansatt/`],
      },
      listDemoStaff: async () => municipalDirectory.listStaff(),
      findStaff: async (nationalId) => {
        const staff = await municipalDirectory.findStaff(nationalId);
        return staff ? { nationalId: staff.national_id, name: staff.name, hprNumber: staff.hpr_number } : undefined;
      },
      language: requestLanguage,
    });
  }
  const webLogin: WebLoginOptions = { publicUrl: config.publicUrl, clock, secureCookies: config.publicUrl.startsWith('https://'), language: requestLanguage };
  const lifetimes = { idleTimeoutSeconds: config.session.idleTimeoutSeconds, maxAgeSeconds: config.session.maxAgeSeconds };
  const citizenSessionStore = new CitizenSessionStore(db);
  const citizenClient = { ...config.citizenOidc, clientSecret: deps.citizenClientSecret };
  const citizenSessions = await registerWebLogin(app, citizenAudience({ client: citizenClient, store: citizenSessionStore, lifetimes }), webLogin);
  const staffClient = { ...config.staffOidc, clientSecret: staffClientSecret };
  const staffSessions = await registerWebLogin(app, staffAudience({ client: staffClient, store: new StaffSessionStore(db), lifetimes }), webLogin);
  // A citizen's saved choice comes with the session; the staff workspace keeps its choice in the browser only.
  requestLanguage.useSavedChoice(async (request) => (request.url.startsWith('/ansatt/') ? undefined : (await citizenSessions.resolve(request))?.language));

  // From here on, routes get guards and scopes, never the database handle.
  const settings = deliverySettings(config.delivery);
  const deliveryAdapters = buildDeliveryAdapters(config, () => clock.now());
  app.addHook('onClose', async () => deliveryAdapters.close());
  const scopes = new Scopes(db, settings, deps.accessLogKey, clock);
  const representation = new RepresentationCheck(deliveryAdapters.populationRegister, scopes.representations, clock);
  const guards = registerGuards(app, {
    scopes,
    representation,
    citizenSessions,
    citizenSessionStore,
    db,
    replicaReading: deps.readReplica && {
      replica: deps.readReplica,
      scopes: new Scopes(deps.readReplica.db, settings, deps.accessLogKey, clock),
      maxLagSeconds: deps.readReplica.maxLagSeconds,
      secureCookies: webLogin.secureCookies,
      ...(deps.metrics ? { onRead: deps.metrics.readServed } : {}),
    },
    staffSessions,
    verifySenderToken: createSenderTokenVerifier(config.senderToken),
  });
  await registerFhirRoutes(app, {
    guards,
    clock,
    publicUrl: config.publicUrl,
    tokenEndpoint: `${config.senderToken.issuer}/oidc/token`,
    onLetterSaved: (saved) => {
      deps.metrics?.letterAccepted(saved.door, saved.senderKind);
      deps.onLetterSaved?.(saved);
    },
  });
  await registerMunicipalFhirRoutes(app, { guards, clock, publicUrl: config.publicUrl });
  await registerInboxRoutes(app, { guards, clock });
  await registerMunicipalRoutes(app, { guards, clock });
  await registerStaffRoutes(app, { guards, clock });
  await registerOperatorRoutes(app, { guards });
  await registerStaffWebApp(app);
  // The forms app (refero, design system 13) is a bundle of its own, loaded only when a form is opened.
  await registerWebAppAtPrefix(app, { prefix: '/skjemautfyller', dist: formsWebDist, name: 'forms web app' });
  await registerAppointmentFhirRoutes(app, { guards, clock, publicUrl: config.publicUrl });
  await registerFormFhirRoutes(app, { guards, clock, publicUrl: config.publicUrl });
  await registerAppointmentRoutes(app, { guards, clock, appointments: config.appointments });
  await registerRepresentationRoutes(app, {
    guards,
    representation,
    chooseActingFor: async (request, citizenId) => {
      const sessionId = citizenSessions.sessionIdOf(request);
      if (sessionId) await citizenSessionStore.setActingFor(sessionId, citizenId);
    },
  });
  await registerNoticeSettingsRoutes(app, { guards, clock, contactRegister: deliveryAdapters.contactRegister, settings });
  await registerLanguageRoutes(app, { guards });
  await registerFormRoutes(app, { guards, clock });
  if (config.delivery.devPages) {
    const dialog = new DialogExchanges(deps.db);
    await registerDeliveryDevRoutes(app, {
      ...deliveryAdapters.standIns,
      heldNotices: () => heldNotices(deps.db),
      dialogTraffic: async () => ({ exchanges: await dialog.recent(), deadLetters: await dialog.deadLetters() }),
    });
  }
  app.get('/api/config', async (): Promise<PublicConfig> => ({ helpdesk: config.helpdesk }));
  registerHealthRoutes(app, db, deps.readinessChecks);
  if (deps.metrics && config.operations.metricsToken) registerTokenMetricsRoute(app, deps.metrics, config.operations.metricsToken);

  await registerWebApp(app, deps.webDist ?? citizenWebDist);
  return app;
}

/** The built citizen web app, with every unknown GET page answered by index.html. */
async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const hasBuild = existsSync(path.join(webDist, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  }
  const apiLike = ['/api/', '/fhir/', '/auth/', '/oidc/', '/.well-known/'];
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !apiLike.some((prefix) => request.url.startsWith(prefix));
    if (wantsPage && hasBuild) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    if (wantsPage) return reply.code(503).type('text/plain; charset=utf-8').send('The citizen web app is not built: run `npm run build`.');
    if (request.url.startsWith('/fhir/')) {
      return reply.code(404).type('application/fhir+json').send({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'not-found', diagnostics: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` }],
      });
    }
    return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Fant ikke', status: 404 });
  });
}
