/** What the delivery jobs need: the store, the adapters, the rules from configuration, and the clock. */
import type { Kysely } from 'kysely';
import { noticeText, parseQuietHours, type Clock, type Language, type NoticeConcerns, type NoticeText } from '@innboks/core';
import { DeliveryStore, type Database, type DeliverySettings } from '@innboks/db';
import type { Config, DeliveryConfig } from '../config.ts';
import { buildDeliveryAdapters, type DeliveryAdapters } from './adapters.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { countedChannels } from '../metrics/counted-channels.ts';

export interface DeliveryRuntime {
  db: Kysely<Database>;
  store: DeliveryStore;
  adapters: DeliveryAdapters;
  config: DeliveryConfig;
  settings: DeliverySettings;
  clock: Clock;
  /** A notice's words in the citizen's language. */
  noticeText: (language: Language, concerns?: NoticeConcerns) => NoticeText;
  /** Counts hand-offs to the channels and the notices' latency, when the process keeps metrics. */
  metrics?: Metrics;
}

export function deliverySettings(config: DeliveryConfig): DeliverySettings {
  return {
    noticeWindowMs: config.noticeWindowMs,
    quietHours: parseQuietHours(config.quietHours),
    maxAttempts: config.maxAttempts,
    noticeChannels: config.noticeChannels,
  };
}

export function createDeliveryRuntime(db: Kysely<Database>, clock: Clock, config: Config, adapters?: DeliveryAdapters, metrics?: Metrics): DeliveryRuntime {
  const settings = deliverySettings(config.delivery);
  const channels = adapters ?? buildDeliveryAdapters(config, () => clock.now());
  return {
    db,
    store: new DeliveryStore(db, settings),
    adapters: metrics ? countedChannels(channels, metrics) : channels,
    ...(metrics ? { metrics } : {}),
    config: config.delivery,
    settings,
    clock,
    noticeText: (language, concerns) => noticeText({ serviceName: config.delivery.serviceName, loginUrl: config.publicUrl }, language, concerns),
  };
}
