/**
 * The embedded identity provider's storage (oidc-provider's adapter, in
 * apps/server/src/identity/provider): its sessions, grants, interactions, codes and
 * the client-assertion replay store in `oidc_payload`, shared by every server process;
 * and the sender clients it reads from `sender_client`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OidcPayloadRow {
  payload: string;
  grantId: string | null;
  uid: string | null;
  userCode: string | null;
  expiresAt: Date | null;
}

export interface StoredOidcPayload {
  payload: Record<string, unknown>;
  consumedAt: Date | null;
}

export interface SenderClientRecord {
  clientId: string;
  name: string;
  jwks: { keys: Record<string, unknown>[] };
  organizationNumber: string;
}

export class OidcStorage {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(model: string, id: string, row: OidcPayloadRow): Promise<void> {
    const changed = { payload: row.payload, grant_id: row.grantId, uid: row.uid, user_code: row.userCode, expires_at: row.expiresAt, consumed_at: null };
    await this.db
      .insertInto('oidc_payload')
      .values({ model, id, ...changed })
      .onConflict((conflict) => conflict.columns(['model', 'id']).doUpdateSet(changed))
      .execute();
  }

  /**
   * Saves a row unless a live one has the same id, in one statement; false when one
   * had (the provider's replay store: an assertion's jti may be used once).
   */
  async insertUnlessLive(model: string, id: string, row: OidcPayloadRow): Promise<boolean> {
    const inserted = await this.db
      .insertInto('oidc_payload')
      .values({ model, id, payload: row.payload, grant_id: row.grantId, uid: row.uid, user_code: row.userCode, expires_at: row.expiresAt, consumed_at: null })
      .onConflict((conflict) =>
        conflict
          .columns(['model', 'id'])
          .doUpdateSet({ payload: row.payload, expires_at: row.expiresAt, consumed_at: null })
          .where('oidc_payload.expires_at', '<=', new Date()),
      )
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** A row that has not expired, by its id, uid or user code. */
  async find(model: string, column: 'id' | 'uid' | 'user_code', value: string): Promise<StoredOidcPayload | undefined> {
    const row = await this.db
      .selectFrom('oidc_payload')
      .select(['payload', 'consumed_at'])
      .where('model', '=', model)
      .where(column, '=', value)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
      .executeTakeFirst();
    if (!row) return undefined;
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>;
    return { payload, consumedAt: row.consumed_at };
  }

  async consume(model: string, id: string): Promise<void> {
    await this.db.updateTable('oidc_payload').set({ consumed_at: new Date() }).where('model', '=', model).where('id', '=', id).execute();
  }

  async destroy(model: string, id: string): Promise<void> {
    await this.db.deleteFrom('oidc_payload').where('model', '=', model).where('id', '=', id).execute();
  }

  async revokeByGrantId(model: string, grantId: string): Promise<void> {
    await this.db.deleteFrom('oidc_payload').where('model', '=', model).where('grant_id', '=', grantId).execute();
  }

  /** Deletes rows that expired before `before`; how many. Safe to call from any process. */
  async purgeExpired(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('oidc_payload').where('expires_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async senderClient(clientId: string): Promise<SenderClientRecord | undefined> {
    const row = await this.db
      .selectFrom('sender_client')
      .innerJoin('organization', 'organization.id', 'sender_client.organization_id')
      .select(['sender_client.client_id', 'sender_client.name', 'sender_client.jwks', 'organization.org_number'])
      .where('sender_client.client_id', '=', clientId)
      .executeTakeFirst();
    if (!row) return undefined;
    const jwks = (typeof row.jwks === 'string' ? JSON.parse(row.jwks) : row.jwks) as SenderClientRecord['jwks'];
    return { clientId: row.client_id, name: row.name, jwks, organizationNumber: row.org_number };
  }
}
