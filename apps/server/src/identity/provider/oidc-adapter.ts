/**
 * oidc-provider's storage on `OidcStorage` (packages/db), so sessions, grants,
 * interactions, codes and the client-assertion replay store survive restarts and
 * are shared by every server process. The `Client` model is not stored there: sender
 * clients are read from `sender_client` (see `SenderClientAdapter`).
 */
import { errors, type Adapter, type AdapterPayload, type ClientMetadata } from 'oidc-provider';
import type { OidcPayloadRow, OidcStorage } from '@innboks/db';

/** Extra client metadata carrying the sender's organisation number (see provider.ts). */
export const organizationNumberMetadata = 'organization_number';

/** Algorithms a sender may sign its client assertion with. */
export const clientAssertionAlgorithms = ['RS256', 'PS256', 'ES256'] as const;

/** Purge rows that expired more than this long ago, now and then. */
const purgeGraceMs = 60 * 60 * 1000;
const purgeEvery = 200;
let writesSincePurge = 0;

export class StoredOidcAdapter implements Adapter {
  constructor(
    private readonly storage: OidcStorage,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const row: OidcPayloadRow = {
      payload: JSON.stringify(payload),
      grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
      uid: typeof payload.uid === 'string' ? payload.uid : null,
      userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
      expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    if (this.model === 'ReplayDetection') {
      // oidc-provider checks with find() and then saves; two requests racing with the
      // same jti would both pass that. The insert decides atomically: a live row means
      // the assertion was already used.
      if (!(await this.storage.insertUnlessLive(this.model, id, row))) throw new errors.InvalidClientAuth('client assertion tokens must only be used once');
    } else {
      await this.storage.upsert(this.model, id, row);
    }
    await this.purgeNowAndThen();
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('id', id);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('uid', uid);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.storage.consume(this.model, id);
  }

  async destroy(id: string): Promise<void> {
    await this.storage.destroy(this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.storage.revokeByGrantId(this.model, grantId);
  }

  private async findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    if (typeof value !== 'string' || value.length === 0) return undefined;
    const stored = await this.storage.find(this.model, column, value);
    if (!stored) return undefined;
    const payload = stored.payload as AdapterPayload;
    return stored.consumedAt ? { ...payload, consumed: Math.floor(stored.consumedAt.getTime() / 1000) } : payload;
  }

  private async purgeNowAndThen(): Promise<void> {
    writesSincePurge += 1;
    if (writesSincePurge < purgeEvery) return;
    writesSincePurge = 0;
    await this.storage.purgeExpired(new Date(Date.now() - purgeGraceMs));
  }
}

/**
 * The `Client` model: sender clients from `sender_client`, read on every lookup
 * (oidc-provider caches the parsed client by a hash of this metadata, so key
 * rotation in the table takes effect at once).
 */
export class SenderClientAdapter implements Adapter {
  constructor(private readonly storage: OidcStorage) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
    const client = await this.storage.senderClient(id);
    if (!client) return undefined;
    const metadata: ClientMetadata = {
      client_id: client.clientId,
      client_name: client.name,
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: publicKeysOnly(client.jwks.keys) },
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      [organizationNumberMetadata]: client.organizationNumber,
    };
    // One algorithm across all keys → pin it; otherwise any of clientAssertionAlgorithms.
    const algorithms = new Set(client.jwks.keys.map((key) => key.alg));
    const [onlyAlgorithm] = algorithms;
    const allowed: readonly string[] = clientAssertionAlgorithms;
    if (algorithms.size === 1 && typeof onlyAlgorithm === 'string' && allowed.includes(onlyAlgorithm)) {
      metadata.token_endpoint_auth_signing_alg = onlyAlgorithm as (typeof clientAssertionAlgorithms)[number];
    }
    return metadata as AdapterPayload;
  }

  // Sender clients are managed in `sender_client`; the provider never writes them.
  async upsert(): Promise<void> {}
  async findByUid(): Promise<undefined> {
    return undefined;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(): Promise<void> {}
  async destroy(): Promise<void> {}
  async revokeByGrantId(): Promise<void> {}
}

/** Drops private members in case a seeder stored a whole key pair. */
function publicKeysOnly(keys: Record<string, unknown>[]): Record<string, unknown>[] {
  const privateMembers = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);
  return keys.map((key) => Object.fromEntries(Object.entries(key).filter(([name]) => !privateMembers.has(name))));
}

export function createAdapterFactory(storage: OidcStorage): (model: string) => Adapter {
  const senderClients = new SenderClientAdapter(storage);
  return (model) => (model === 'Client' ? senderClients : new StoredOidcAdapter(storage, model));
}
