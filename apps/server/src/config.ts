/**
 * Every outside system is configuration. Read once at start from the environment,
 * validated, and passed down; nothing else reads process.env.
 * The README has the same table.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppointmentConfigError, loadAppointmentConfig, type AppointmentConfig } from './appointments/appointment-config.ts';

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
  /** Run the job worker inside the server process. */
  INNBOKS_WORKER: z.enum(['true', 'false']).default('true'),
  SESSION_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(60).default(1800),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).default(43_200),
  HELPDESK_NAME: z.string().default('Veiledning Helsenorge'),
  HELPDESK_PHONE: z.string().default('23 32 70 00'),
  HELPDESK_HOURS: z.string().default('hverdager 08.00–15.30'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedIdentityProvider: boolean;
  demoData: boolean;
  runWorker: boolean;
  citizenOidc: { issuer: string; clientId: string; clientSecret: string | undefined };
  staffOidc: { issuer: string; clientId: string; clientSecret: string | undefined };
  senderToken: { issuer: string; audience: string; orgClaim: string };
  session: { idleTimeoutSeconds: number; maxAgeSeconds: number };
  helpdesk: { name: string; phone: string; hours: string };
  logLevel: string;
  appointments: AppointmentConfig;
}

export class ConfigError extends Error {}

function appointmentConfig(environment: NodeJS.ProcessEnv): AppointmentConfig {
  try {
    return loadAppointmentConfig(environment);
  } catch (error) {
    if (error instanceof AppointmentConfigError) throw new ConfigError(error.message);
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
  const production = env.NODE_ENV === 'production';
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
    helpdesk: { name: env.HELPDESK_NAME, phone: env.HELPDESK_PHONE, hours: env.HELPDESK_HOURS },
    logLevel: env.LOG_LEVEL,
    appointments: appointmentConfig(environment),
  };
}
