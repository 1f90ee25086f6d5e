import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('Configuration', () => {
  test('by default the embedded identity provider and demo data are on, on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', embeddedIdentityProvider: true, demoData: true });
    expect(config.senderToken).toEqual({ issuer: 'http://localhost:3000', audience: 'http://localhost:3000/fhir/R4', orgClaim: 'org_number' });
  });

  test('production refuses to start with the test login unless told so explicitly', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', INNBOKS_EMBEDDED_IDP: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', INNBOKS_EMBEDDED_IDP: 'false', INNBOKS_DEMO_DATA: 'true', CITIZEN_OIDC_ISSUER: 'https://idporten.example', STAFF_OIDC_ISSUER: 'https://helseid.example', SENDER_TOKEN_ISSUER: 'https://helseid.example' })).toThrow(/demo data/);
    const allowed = loadConfig({ NODE_ENV: 'production', INNBOKS_EMBEDDED_IDP: 'true', INNBOKS_ALLOW_TEST_LOGIN_IN_PRODUCTION: 'true', INNBOKS_ALLOW_STAND_INS_IN_PRODUCTION: 'true', ACCESS_LOG_KEY: 'a-key-of-at-least-thirty-two-characters' });
    expect(allowed.embeddedIdentityProvider).toBe(true);
  });

  const productionIssuers = {
    ACCESS_LOG_KEY: 'a-key-of-at-least-thirty-two-characters',
    PUBLIC_URL: 'https://innboks.example',
    CITIZEN_OIDC_ISSUER: 'https://idporten.example',
    STAFF_OIDC_ISSUER: 'https://helseid.example',
    SENDER_TOKEN_ISSUER: 'https://helseid.example/',
    DATABASE_URL: 'postgres://db.example/innboks',
  };
  const outsideSystems = {
    SMS_GATEWAY_URL: 'https://sms.example',
    SMTP_URL: 'smtps://smtp.example',
    DIGITAL_MAILBOX_URL: 'https://mailbox.example',
    PRINT_SERVICE_URL: 'https://print.example',
    CONTACT_REGISTER_URL: 'https://krr.example',
    POPULATION_REGISTER_URL: 'https://folkeregister.example',
  };

  test('NODE_ENV=production in any case is production', () => {
    for (const spelling of ['Production', 'PRODUCTION', ' production ']) {
      expect(() => loadConfig({ NODE_ENV: spelling, INNBOKS_EMBEDDED_IDP: 'true' })).toThrow(/Refusing to start: NODE_ENV=production with the embedded test identity provider/);
      expect(loadConfig({ NODE_ENV: spelling, ...productionIssuers, ...outsideSystems }).production).toBe(true);
    }
  });

  test('production refuses to start with the embedded stand-ins, naming each missing setting, unless told so explicitly', () => {
    const withoutPrint = { NODE_ENV: 'production', ...productionIssuers, ...outsideSystems, PRINT_SERVICE_URL: undefined, SMTP_URL: undefined };
    expect(() => loadConfig(withoutPrint)).toThrow(/stand-ins\. Set SMTP_URL, PRINT_SERVICE_URL /);
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionIssuers })).toThrow(
      /SMS_GATEWAY_URL, SMTP_URL, DIGITAL_MAILBOX_URL, PRINT_SERVICE_URL, CONTACT_REGISTER_URL, POPULATION_REGISTER_URL/,
    );
    expect(loadConfig({ ...withoutPrint, DELIVERY_STEPS: 'inbox,digital-mailbox', NOTICE_CHANNELS: 'sms' }).delivery.standIns).toEqual(['email', 'print']);
    expect(loadConfig({ ...withoutPrint, INNBOKS_ALLOW_STAND_INS_IN_PRODUCTION: 'true' }).delivery.standIns).toEqual(['email', 'print']);
  });

  test('production needs the access-log key from configuration, at least 32 characters', () => {
    const production = { NODE_ENV: 'production', ...productionIssuers, ...outsideSystems };
    expect(() => loadConfig({ ...production, ACCESS_LOG_KEY: undefined })).toThrow(/ACCESS_LOG_KEY/);
    expect(() => loadConfig({ ...production, ACCESS_LOG_KEY: 'short' })).toThrow(/ACCESS_LOG_KEY/);
    expect(loadConfig(production).accessLogKey).toBe(productionIssuers.ACCESS_LOG_KEY);
  });

  test('production with external issuers runs without the test login and without demo data', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...productionIssuers, ...outsideSystems });
    expect(config).toMatchObject({ embeddedIdentityProvider: false, demoData: false, databaseUrl: 'postgres://db.example/innboks' });
    expect(config.senderToken.issuer).toBe('https://helseid.example');
  });

  test('an external identity provider must be named when the embedded one is off', () => {
    expect(() => loadConfig({ INNBOKS_EMBEDDED_IDP: 'false' })).toThrow(/CITIZEN_OIDC_ISSUER is required/);
  });

  test('an API-only process keeps 4 connections to PostgreSQL, one that runs jobs 16, and DATABASE_POOL_SIZE sets either', () => {
    expect(loadConfig({ INNBOKS_WORKER: 'false' }).databasePoolSize).toBe(4);
    expect(loadConfig({}).databasePoolSize).toBe(16);
    expect(loadConfig({ INNBOKS_WORKER: 'false', DATABASE_POOL_SIZE: '10' }).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '2' }).databasePoolSize).toBe(2);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  test('a read replica is used beside a PostgreSQL primary, read while at most 5 s behind by default, and ignored with the embedded database', () => {
    const primary = 'postgres://db.example/innboks';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://replica.example/innboks' }).readReplica).toEqual({ url: 'postgres://replica.example/innboks', maxLagSeconds: 5 });
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://replica.example/innboks', DATABASE_READ_MAX_LAG_SECONDS: '0.5' }).readReplica?.maxLagSeconds).toBe(0.5);
    expect(loadConfig({ DATABASE_READ_URL: 'postgres://replica.example/innboks' }).readReplica).toBeUndefined();
  });

  test('a worker process lowers its CPU priority to nice 10 unless WORKER_NICE says otherwise', () => {
    expect(loadConfig({}).worker.nice).toBe(10);
    expect(loadConfig({ WORKER_NICE: '0' }).worker.nice).toBe(0);
    expect(() => loadConfig({ WORKER_NICE: '20' })).toThrow(/WORKER_NICE/);
  });

  test('a bad value names the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  test('the help desk’s name and hours can be set per language, each language left unset keeping its own default', () => {
    const { helpdesk } = loadConfig({ HELPDESK_NAME_SE: 'Helsenorge veahkkedoarja', HELPDESK_HOURS_EN: 'Open weekdays 09:00–15:00, closed in July.', HELPDESK_WEEKDAY_HOURS: '09:00-15:00' });
    expect(helpdesk.text.se.name).toBe('Helsenorge veahkkedoarja');
    expect(helpdesk.text.en).toEqual({ name: 'the Helsenorge help desk', hours: 'Open weekdays 09:00–15:00, closed in July.' });
    expect(helpdesk.text.nb).toEqual({ name: 'Veiledning Helsenorge', hours: 'Åpent hverdager 09:00–15:00.' });
    expect(helpdesk.text.nn).toEqual({ name: 'Rettleiing Helsenorge', hours: 'Ope kvardagar 09:00–15:00.' });
  });
});
