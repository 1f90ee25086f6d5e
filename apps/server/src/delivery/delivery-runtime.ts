/** What the delivery jobs need: the store, the adapters, the rules from configuration, and the clock. */
import type { Kysely } from 'kysely';
import { noticeText, parseQuietHours, type Clock, type Language, type NoticeText } from '@innboks/core';
import { DeliveryStore, type Database, type DeliverySettings } from '@innboks/db';
import type { Config, DeliveryConfig } from '../config.ts';
import { buildDeliveryAdapters, type DeliveryAdapters } from './adapters.ts';

export interface DeliveryRuntime {
  db: Kysely<Database>;
  store: DeliveryStore;
  adapters: DeliveryAdapters;
  config: DeliveryConfig;
  settings: DeliverySettings;
  clock: Clock;
  /** A notice's words in the citizen's language. */
  noticeText: (language: Language) => NoticeText;
}

export function deliverySettings(config: DeliveryConfig): DeliverySettings {
  return {
    noticeWindowMs: config.noticeWindowMs,
    quietHours: parseQuietHours(config.quietHours),
    maxAttempts: config.maxAttempts,
    noticeChannels: config.noticeChannels,
  };
}

export function createDeliveryRuntime(db: Kysely<Database>, clock: Clock, config: Config, adapters?: DeliveryAdapters): DeliveryRuntime {
  const settings = deliverySettings(config.delivery);
  return {
    db,
    store: new DeliveryStore(db, settings),
    adapters: adapters ?? buildDeliveryAdapters(config, () => clock.now()),
    config: config.delivery,
    settings,
    clock,
    noticeText: (language) => noticeText({ serviceName: config.delivery.serviceName, loginUrl: config.publicUrl }, language),
  };
}
