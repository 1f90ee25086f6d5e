/**
 * Every outside system is configuration. Read once at start from the environment,
 * validated, and passed down; nothing else reads process.env.
 * The README has the same table.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppointmentConfigError, loadAppointmentConfig, type AppointmentConfig } from './appointments/appointment-config.ts';
import { parseQuietHours } from '@innboks/core';
import { helpdesk, type Helpdesk } from './helpdesk.ts';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL; default http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  INNBOKS_DATA_DIR: z.string().default('.data'),
  /** Real PostgreSQL; without it the embedded PGlite under the data dir is used. */
  DATABASE_URL: z.string().optional(),
  /** Connections this process keeps to PostgreSQL (DATABASE_URL only); default below. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  /** A streaming replica of DATABASE_URL for citizens' reads (inbox, search, appointments); ignored without DATABASE_URL. */
  DATABASE_READ_URL: z.string().optional(),
  /** Behind its primary by more than this, the replica is not read. */
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0).default(5),
  /** Citizen login (ID-porten in production). Default: the embedded identity provider. */
  CITIZEN_OIDC_ISSUER: z.string().url().optional(),
  CITIZEN_OIDC_CLIENT_ID: z.string().default('innboks-citizen-web'),
  CITIZEN_OIDC_CLIENT_SECRET: z.string().optional(),
  /** Staff login (HelseID in production). Default: the embedded identity provider. */
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().default('innboks-staff-web'),
  STAFF_OIDC_CLIENT_SECRET: z.string().optional(),
  /** Issuer of sender access tokens (HelseID in production). Default: the embedded provider. */
  SENDER_TOKEN_ISSUER: z.string().url().optional(),
  /** Audience the sender access token must carry. Default: <PUBLIC_URL>/fhir/R4. */
  SENDER_TOKEN_AUDIENCE: z.string().optional(),
  /** Claim in the sender access token that holds the organisation number. */
  SENDER_TOKEN_ORG_CLAIM: z.string().default('org_number'),
  /** Run the embedded identity provider (test login). Default: on unless NODE_ENV=production. */
  INNBOKS_EMBEDDED_IDP: flag,
  /** Create demo citizens, senders and staff on first start. Default: with the embedded IdP. */
  INNBOKS_DEMO_DATA: flag,
  /** Required to run the embedded IdP or demo data with NODE_ENV=production. */
  INNBOKS_ALLOW_TEST_LOGIN_IN_PRODUCTION: flag,
  /** Required to run the embedded stand-ins (SMS, e-mail, digital mailbox, print, registers) with NODE_ENV=production. */
  INNBOKS_ALLOW_STAND_INS_IN_PRODUCTION: flag,
  /** Run the job worker inside the server process. */
  INNBOKS_WORKER: z.enum(['true', 'false']).default('true'),
  SESSION_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(60).default(1800),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).default(43_200),
  /** The help desk's name in Bokmål; `_NN`, `_SE`, `_EN` in the others (defaults: helpdesk.ts). */
  HELPDESK_NAME: z.string().min(1).optional(),
  HELPDESK_NAME_NN: z.string().min(1).optional(),
  HELPDESK_NAME_SE: z.string().min(1).optional(),
  HELPDESK_NAME_EN: z.string().min(1).optional(),
  HELPDESK_PHONE: z.string().default('23 32 70 00'),
  /** Weekday opening hours, "08:00-15:30": the default hours text of each language is worded from them. */
  HELPDESK_WEEKDAY_HOURS: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'like 08:00-15:30').default('08:00-15:30'),
  /** The opening hours as a sentence per language, when weekday hours do not say it ("Åpent hverdager 08:00–15:30. Stengt i juli."). */
  HELPDESK_HOURS_NB: z.string().min(1).optional(),
  HELPDESK_HOURS_NN: z.string().min(1).optional(),
  HELPDESK_HOURS_SE: z.string().min(1).optional(),
  HELPDESK_HOURS_EN: z.string().min(1).optional(),
  /** Seals the staff access log (HMAC); at least 32 characters. Required in production; in dev made under the data dir. */
  ACCESS_LOG_KEY: z.string().min(32).optional(),
  /** Requests per client address and minute to the token endpoint, and to login starts and login pages; 0 = no limit. */
  RATE_LIMIT_TOKEN_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(0).default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // ---- delivery (README "Delivery configuration") ----
  /** The channel steps this deployment uses, in plan order. */
  DELIVERY_STEPS: z.string().default('inbox,digital-mailbox,paper'),
  NOTICE_CHANNELS: z.string().default('sms,email'),
  UNREAD_FALLBACK_DAYS: z.coerce.number().min(0).default(4),
  NOTICE_WINDOW_SECONDS: z.coerce.number().int().min(0).default(900),
  NOTICE_QUIET_HOURS: z.string().default('22:00-08:00'),
  NOTICE_SERVICE_NAME: z.string().default('Helsenorge'),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(50).default(10_000),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_USERNAME: z.string().optional(),
  SMS_GATEWAY_PASSWORD: z.string().optional(),
  SMS_SENDER: z.string().default('Helsenorge'),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Helsenorge <ikke-svar@innboks.invalid>'),
  DIGITAL_MAILBOX_URL: z.string().url().optional(),
  DIGITAL_MAILBOX_TOKEN: z.string().optional(),
  PRINT_SERVICE_URL: z.string().url().optional(),
  PRINT_SERVICE_TOKEN: z.string().optional(),
  PRINT_BATCH_DIR: z.string().optional(),
  CONTACT_REGISTER_URL: z.string().url().optional(),
  CONTACT_REGISTER_TOKEN: z.string().optional(),
  POPULATION_REGISTER_URL: z.string().url().optional(),
  POPULATION_REGISTER_TOKEN: z.string().optional(),
  WORKER_LEASE_SECONDS: z.coerce.number().min(1).default(60),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(500),
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  SWEEPER_INTERVAL_SECONDS: z.coerce.number().min(1).default(60),
  SWEEPER_STUCK_AFTER_SECONDS: z.coerce.number().min(1).default(600),
  /** Dev pages (/dev/delivery): default on when any embedded stand-in is in use and not in production. */
  INNBOKS_DEV_PAGES: flag,
  // ---- the Dialogmelding door (README "Dialogmelding over AMQP") ----
  /** The AMQP 1.0 broker; when none answers at start the door is off. `off` turns it off. */
  INNBOKS_AMQP_URL: z.string().default('amqp://guest:guest@127.0.0.1:5672'),
  /** Innboks's own HER-id: it listens on `<her-id>_async`. */
  INNBOKS_HER_ID: z.string().regex(/^\d{1,9}$/, 'digits only').default('8090001'),
  /** Directory of the address register stand-in's certificates; default <data dir>/dev/dialogmelding. */
  ADDRESS_REGISTER_DIR: z.string().optional(),
  /** Worker threads that open and seal the door's messages (CMS); 0 = on the consumer's own thread. Default: the cores but one, at least one. */
  INNBOKS_DIALOG_CMS_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  // ---- operating (README "Operating Innboks") ----
  /** The operator's port: /metrics, /healthz, /readyz; 0 = none. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** With it, /metrics also on the public port, to `Authorization: Bearer <token>` only. */
  METRICS_TOKEN: z.string().min(32).optional(),
  /** On SIGTERM: time for requests and jobs in hand to finish before the process exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(25),
});

export type DeliveryStep = 'inbox' | 'digital-mailbox' | 'paper';
export type NoticeChannelName = 'sms' | 'email';

export interface DeliveryConfig {
  steps: { inbox: boolean; digitalMailbox: boolean; paper: boolean };
  noticeChannels: NoticeChannelName[];
  unreadFallbackDays: number;
  noticeWindowMs: number;
  /** "22:00-08:00", or "" when off; parsed by the delivery runtime. */
  quietHours: string;
  serviceName: string;
  maxAttempts: number;
  timeoutMs: number;
  sms: { url: string; username: string | undefined; password: string | undefined; sender: string } | undefined;
  smsSender: string;
  smtp: { url: string } | undefined;
  emailFrom: string;
  digitalMailbox: { url: string; token: string | undefined } | undefined;
  print: { url: string; token: string | undefined } | undefined;
  printBatchDir: string;
  contactRegister: { url: string; token: string | undefined } | undefined;
  populationRegister: { url: string; token: string | undefined } | undefined;
  /** Which outside systems are embedded stand-ins here. */
  standIns: string[];
  devPages: boolean;
}

export interface WorkerConfig {
  leaseMs: number;
  pollIntervalMs: number;
  batchSize: number;
  /** Claims (of up to batchSize jobs) in hand at once per worker; default 2 on PostgreSQL, 1 on the embedded database. */
  concurrency: number | undefined;
  sweepIntervalMs: number;
  stuckAfterMs: number;
  /**
   * The CPU priority a worker process (worker-main) gives itself, as Unix `nice`: a
   * sender waits on its POST, a letter's plan and notice can wait a moment.
   */
  nice: number;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL (with DATABASE_URL). */
  databasePoolSize: number;
  /** A streaming replica for citizens' reads (only with DATABASE_URL), and how far behind it may be read. */
  readReplica: { url: string; maxLagSeconds: number } | undefined;
  embeddedIdentityProvider: boolean;
  demoData: boolean;
  runWorker: boolean;
  citizenOidc: { issuer: string; clientId: string; clientSecret: string | undefined };
  staffOidc: { issuer: string; clientId: string; clientSecret: string | undefined };
  senderToken: { issuer: string; audience: string; orgClaim: string };
  session: { idleTimeoutSeconds: number; maxAgeSeconds: number };
  helpdesk: Helpdesk;
  logLevel: string;
  /** The access log's sealing key from configuration; without it (dev only) one under the data dir (runtime.ts). */
  accessLogKey: string | undefined;
  /** Per client address and minute; 0 = no limit. */
  rateLimits: { tokenPerMinute: number; loginPerMinute: number };
  appointments: AppointmentConfig;
  delivery: DeliveryConfig;
  worker: WorkerConfig;
  dialogmelding: { amqpUrl: string | undefined; herId: string; addressRegisterDir: string; cmsThreads: number };
  operations: OperationsConfig;
}

export interface OperationsConfig {
  /** 0 = no operator's port. */
  metricsPort: number;
  metricsHost: string;
  metricsToken: string | undefined;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {}

/**
 * Default connections to PostgreSQL. An API request holds a connection for one
 * statement, so a few keep PostgreSQL busy; more only add backends that compete with
 * each other and with the server for the same cores, and the requests' tail grows
 * (measured with `npm run bench -- --only inbox`). Jobs hold theirs through a transaction and calls
 * to outside systems, so a process that runs them keeps more.
 */
export const apiProcessPoolSize = 4;
export const jobProcessPoolSize = 16;

function appointmentConfig(environment: NodeJS.ProcessEnv): AppointmentConfig {
  try {
    return loadAppointmentConfig(environment);
  } catch (error) {
    if (error instanceof AppointmentConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

/** For a command's start: a configuration error is printed as it is (no stack) and the process exits 1. */
export function loadConfigOrExit(environment: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${fields.join('\n  ')}`);
  }
  const env = parsed.data;
  // Any spelling: `Production` or `PRODUCTION` must not quietly start a development server.
  const production = env.NODE_ENV?.trim().toLowerCase() === 'production';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const explicitlySet = (name: string) => environment[name] !== undefined && environment[name] !== '';
  const embeddedIdentityProvider = explicitlySet('INNBOKS_EMBEDDED_IDP') ? env.INNBOKS_EMBEDDED_IDP : !production;
  const demoData = explicitlySet('INNBOKS_DEMO_DATA') ? env.INNBOKS_DEMO_DATA : embeddedIdentityProvider;

  if (production && (embeddedIdentityProvider || demoData) && !env.INNBOKS_ALLOW_TEST_LOGIN_IN_PRODUCTION) {
    throw new ConfigError(
      'Refusing to start: NODE_ENV=production with the embedded test identity provider or demo data. ' +
        'Configure CITIZEN_OIDC_ISSUER, STAFF_OIDC_ISSUER and SENDER_TOKEN_ISSUER and set INNBOKS_EMBEDDED_IDP=false, ' +
        'or set INNBOKS_ALLOW_TEST_LOGIN_IN_PRODUCTION=true if this really is a test environment.',
    );
  }
  if (production && !env.ACCESS_LOG_KEY) {
    throw new ConfigError('Refusing to start: NODE_ENV=production needs ACCESS_LOG_KEY (at least 32 characters), the key that seals the staff access log outside the database.');
  }
  const embeddedIssuer = publicUrl;
  const issuerOrEmbedded = (name: string, value: string | undefined): string => {
    if (value) return value.replace(/\/$/, '');
    if (!embeddedIdentityProvider) throw new ConfigError(`${name} is required when the embedded identity provider is off.`);
    return embeddedIssuer;
  };
  return {
    production,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir: path.resolve(env.INNBOKS_DATA_DIR),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? (env.INNBOKS_WORKER === 'true' ? jobProcessPoolSize : apiProcessPoolSize),
    // PGlite is one process with no replicas: the setting means nothing there.
    readReplica: env.DATABASE_URL && env.DATABASE_READ_URL ? { url: env.DATABASE_READ_URL, maxLagSeconds: env.DATABASE_READ_MAX_LAG_SECONDS } : undefined,
    embeddedIdentityProvider,
    demoData,
    runWorker: env.INNBOKS_WORKER === 'true',
    citizenOidc: {
      issuer: issuerOrEmbedded('CITIZEN_OIDC_ISSUER', env.CITIZEN_OIDC_ISSUER),
      clientId: env.CITIZEN_OIDC_CLIENT_ID,
      clientSecret: env.CITIZEN_OIDC_CLIENT_SECRET,
    },
    staffOidc: {
      issuer: issuerOrEmbedded('STAFF_OIDC_ISSUER', env.STAFF_OIDC_ISSUER),
      clientId: env.STAFF_OIDC_CLIENT_ID,
      clientSecret: env.STAFF_OIDC_CLIENT_SECRET,
    },
    senderToken: {
      issuer: issuerOrEmbedded('SENDER_TOKEN_ISSUER', env.SENDER_TOKEN_ISSUER),
      audience: env.SENDER_TOKEN_AUDIENCE ?? `${publicUrl}/fhir/R4`,
      orgClaim: env.SENDER_TOKEN_ORG_CLAIM,
    },
    session: { idleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT_SECONDS, maxAgeSeconds: env.SESSION_MAX_AGE_SECONDS },
    helpdesk: helpdesk(env.HELPDESK_PHONE, env.HELPDESK_WEEKDAY_HOURS, {
      nb: { name: env.HELPDESK_NAME, hours: env.HELPDESK_HOURS_NB },
      nn: { name: env.HELPDESK_NAME_NN, hours: env.HELPDESK_HOURS_NN },
      se: { name: env.HELPDESK_NAME_SE, hours: env.HELPDESK_HOURS_SE },
      en: { name: env.HELPDESK_NAME_EN, hours: env.HELPDESK_HOURS_EN },
    }),
    logLevel: env.LOG_LEVEL,
    accessLogKey: env.ACCESS_LOG_KEY,
    rateLimits: { tokenPerMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE, loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE },
    appointments: appointmentConfig(environment),
    delivery: deliveryConfig(env, path.resolve(env.INNBOKS_DATA_DIR), production, explicitlySet('INNBOKS_DEV_PAGES')),
    dialogmelding: {
      amqpUrl: env.INNBOKS_AMQP_URL === 'off' ? undefined : env.INNBOKS_AMQP_URL,
      herId: env.INNBOKS_HER_ID,
      addressRegisterDir: path.resolve(env.ADDRESS_REGISTER_DIR ?? path.join(env.INNBOKS_DATA_DIR, 'dev', 'dialogmelding')),
      cmsThreads: env.INNBOKS_DIALOG_CMS_THREADS ?? Math.max(1, os.availableParallelism() - 1),
    },
    worker: {
      leaseMs: env.WORKER_LEASE_SECONDS * 1000,
      pollIntervalMs: env.WORKER_POLL_MS,
      batchSize: env.WORKER_BATCH_SIZE,
      concurrency: env.WORKER_CONCURRENCY,
      sweepIntervalMs: env.SWEEPER_INTERVAL_SECONDS * 1000,
      stuckAfterMs: env.SWEEPER_STUCK_AFTER_SECONDS * 1000,
      nice: env.WORKER_NICE,
    },
    operations: { metricsPort: env.METRICS_PORT, metricsHost: env.METRICS_HOST, metricsToken: env.METRICS_TOKEN, shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000 },
  };
}

function deliveryConfig(env: z.infer<typeof environmentSchema>, dataDir: string, production: boolean, devPagesSet: boolean): DeliveryConfig {
  const list = (name: string, value: string, allowed: readonly string[]) => {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    const unknown = items.filter((item) => !allowed.includes(item));
    if (unknown.length) throw new ConfigError(`${name}: unknown ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
    return items;
  };
  const steps = list('DELIVERY_STEPS', env.DELIVERY_STEPS, ['inbox', 'digital-mailbox', 'paper']);
  const noticeChannels = list('NOTICE_CHANNELS', env.NOTICE_CHANNELS, ['sms', 'email']) as NoticeChannelName[];
  try {
    parseQuietHours(env.NOTICE_QUIET_HOURS);
  } catch (error) {
    throw new ConfigError(`NOTICE_QUIET_HOURS: ${(error as Error).message}`);
  }
  const endpoint = (url: string | undefined, token: string | undefined) => (url ? { url, token } : undefined);
  const delivery = {
    steps: { inbox: steps.includes('inbox'), digitalMailbox: steps.includes('digital-mailbox'), paper: steps.includes('paper') },
    noticeChannels,
    unreadFallbackDays: env.UNREAD_FALLBACK_DAYS,
    noticeWindowMs: env.NOTICE_WINDOW_SECONDS * 1000,
    quietHours: env.NOTICE_QUIET_HOURS,
    serviceName: env.NOTICE_SERVICE_NAME,
    maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
    timeoutMs: env.CHANNEL_TIMEOUT_MS,
    sms: env.SMS_GATEWAY_URL ? { url: env.SMS_GATEWAY_URL, username: env.SMS_GATEWAY_USERNAME, password: env.SMS_GATEWAY_PASSWORD, sender: env.SMS_SENDER } : undefined,
    smsSender: env.SMS_SENDER,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL } : undefined,
    emailFrom: env.SMTP_FROM,
    digitalMailbox: endpoint(env.DIGITAL_MAILBOX_URL, env.DIGITAL_MAILBOX_TOKEN),
    print: endpoint(env.PRINT_SERVICE_URL, env.PRINT_SERVICE_TOKEN),
    printBatchDir: path.resolve(env.PRINT_BATCH_DIR ?? path.join(dataDir, 'print')),
    contactRegister: endpoint(env.CONTACT_REGISTER_URL, env.CONTACT_REGISTER_TOKEN),
    populationRegister: endpoint(env.POPULATION_REGISTER_URL, env.POPULATION_REGISTER_TOKEN),
  };
  const standIns = [
    ...(delivery.sms ? [] : ['sms']),
    ...(delivery.smtp ? [] : ['email']),
    ...(delivery.digitalMailbox ? [] : ['digital-mailbox']),
    ...(delivery.print ? [] : ['print']),
    ...(delivery.contactRegister ? [] : ['contact-register']),
    ...(delivery.populationRegister ? [] : ['population-register']),
  ];
  if (production && !env.INNBOKS_ALLOW_STAND_INS_IN_PRODUCTION) refuseStandInsInUse(delivery);
  const devPages = devPagesSet ? Boolean(env.INNBOKS_DEV_PAGES) : standIns.length > 0 && !production;
  return { ...delivery, standIns, devPages };
}

/** "08:00-15:30" → when the help desk opens and closes on weekdays. */
/**
 * In production a stand-in would keep citizens' notices, mailbox letters and paper on
 * this machine and invent register answers, so each one in use must be configured.
 */
function refuseStandInsInUse(delivery: Omit<DeliveryConfig, 'standIns' | 'devPages'>): void {
  const missing = [
    ...(delivery.noticeChannels.includes('sms') && !delivery.sms ? ['SMS_GATEWAY_URL'] : []),
    ...(delivery.noticeChannels.includes('email') && !delivery.smtp ? ['SMTP_URL'] : []),
    ...(delivery.steps.digitalMailbox && !delivery.digitalMailbox ? ['DIGITAL_MAILBOX_URL'] : []),
    ...(delivery.steps.paper && !delivery.print ? ['PRINT_SERVICE_URL'] : []),
    ...(delivery.contactRegister ? [] : ['CONTACT_REGISTER_URL']),
    ...(delivery.populationRegister ? [] : ['POPULATION_REGISTER_URL']),
  ];
  if (missing.length === 0) return;
  throw new ConfigError(
    `Refusing to start: NODE_ENV=production with embedded stand-ins. Set ${missing.join(', ')} ` +
      '(or leave the channel out of NOTICE_CHANNELS / DELIVERY_STEPS), ' +
      'or set INNBOKS_ALLOW_STAND_INS_IN_PRODUCTION=true if this really is a test environment.',
  );
}
