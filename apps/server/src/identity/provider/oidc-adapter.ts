/**
 * oidc-provider storage on Kysely (table `oidc_payload`), so sessions, grants,
 * interactions, codes and the client-assertion replay store survive restarts and
 * are shared by every server process. The `Client` model is not stored here: sender
 * clients are read from `sender_client` (see `senderClientAdapter`).
 */
import type { Kysely } from 'kysely';
import { errors, type Adapter, type AdapterPayload, type ClientMetadata } from 'oidc-provider';
import type { Database } from '@innboks/db';

/** Extra client metadata carrying the sender's organisation number (see provider.ts). */
export const organizationNumberMetadata = 'organization_number';

/** Algorithms a sender may sign its client assertion with. */
export const clientAssertionAlgorithms = ['RS256', 'PS256', 'ES256'] as const;

/** Purge rows that expired more than this long ago, now and then. */
const purgeGraceMs = 60 * 60 * 1000;
const purgeEvery = 200;
let writesSincePurge = 0;

export class KyselyOidcAdapter implements Adapter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
    const row = {
      model: this.model,
      id,
      payload: JSON.stringify(payload),
      grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
      uid: typeof payload.uid === 'string' ? payload.uid : null,
      user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
      expires_at: expiresAt,
      consumed_at: null,
    };

    if (this.model === 'ReplayDetection') {
      // oidc-provider checks with find() and then saves; two requests racing with the
      // same jti would both pass that. The insert decides atomically: a live row means
      // the assertion was already used.
      const inserted = await this.db
        .insertInto('oidc_payload')
        .values(row)
        .onConflict((conflict) =>
          conflict
            .columns(['model', 'id'])
            .doUpdateSet({ payload: row.payload, expires_at: row.expires_at, consumed_at: null })
            .where('oidc_payload.expires_at', '<=', new Date()),
        )
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new errors.InvalidClientAuth('client assertion tokens must only be used once');
    } else {
      await this.db
        .insertInto('oidc_payload')
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(['model', 'id']).doUpdateSet({
            payload: row.payload,
            grant_id: row.grant_id,
            uid: row.uid,
            user_code: row.user_code,
            expires_at: row.expires_at,
            consumed_at: null,
          }),
        )
        .execute();
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
    await this.db
      .updateTable('oidc_payload')
      .set({ consumed_at: new Date() })
      .where('model', '=', this.model)
      .where('id', '=', id)
      .execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('oidc_payload').where('model', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.deleteFrom('oidc_payload').where('model', '=', this.model).where('grant_id', '=', grantId).execute();
  }

  private async findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    if (typeof value !== 'string' || value.length === 0) return undefined;
    const row = await this.db
      .selectFrom('oidc_payload')
      .select(['payload', 'consumed_at'])
      .where('model', '=', this.model)
      .where(column, '=', value)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
      .executeTakeFirst();
    if (!row) return undefined;
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as AdapterPayload;
    return row.consumed_at ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : payload;
  }

  private async purgeNowAndThen(): Promise<void> {
    writesSincePurge += 1;
    if (writesSincePurge < purgeEvery) return;
    writesSincePurge = 0;
    await purgeExpiredOidcPayloads(this.db);
  }
}

/** Deletes provider rows that expired over an hour ago. Safe to call from any process. */
export async function purgeExpiredOidcPayloads(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('oidc_payload')
    .where('expires_at', '<', new Date(Date.now() - purgeGraceMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The `Client` model: sender clients from `sender_client`, read on every lookup
 * (oidc-provider caches the parsed client by a hash of this metadata, so key
 * rotation in the table takes effect at once).
 */
export class SenderClientAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
    const row = await this.db
      .selectFrom('sender_client')
      .innerJoin('organization', 'organization.id', 'sender_client.organization_id')
      .select(['sender_client.client_id', 'sender_client.name', 'sender_client.jwks', 'organization.org_number'])
      .where('sender_client.client_id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const jwks = (typeof row.jwks === 'string' ? JSON.parse(row.jwks) : row.jwks) as { keys: Record<string, unknown>[] };
    const metadata: ClientMetadata = {
      client_id: row.client_id,
      client_name: row.name,
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: publicKeysOnly(jwks.keys) },
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      [organizationNumberMetadata]: row.org_number,
    };
    // One algorithm across all keys → pin it; otherwise any of clientAssertionAlgorithms.
    const algorithms = new Set(jwks.keys.map((key) => key.alg));
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

export function createAdapterFactory(db: Kysely<Database>): (model: string) => Adapter {
  const senderClients = new SenderClientAdapter(db);
  return (model) => (model === 'Client' ? senderClients : new KyselyOidcAdapter(db, model));
}
