import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Identity.
 * - `oidc_payload`: everything the embedded OpenID provider (oidc-provider) keeps —
 *   sessions, grants, interactions, authorization codes and the replay store for
 *   client assertion `jti`s — so that it works across processes and restarts.
 *   Rows past `expires_at` are ignored on read and purged now and then.
 * - `citizen_login_state`: the citizen web app's pending logins (PKCE verifier, state,
 *   nonce, where to go afterwards), keyed by the sha256 of a random cookie value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    /* sql */ `
    create table oidc_payload (
      model text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      uid text,
      user_code text,
      expires_at timestamptz,
      consumed_at timestamptz,
      primary key (model, id)
    );
    create index oidc_payload_by_grant on oidc_payload (grant_id) where grant_id is not null;
    create index oidc_payload_by_uid on oidc_payload (uid) where uid is not null;
    create index oidc_payload_by_user_code on oidc_payload (user_code) where user_code is not null;
    create index oidc_payload_expiry on oidc_payload (expires_at) where expires_at is not null;

    create table citizen_login_state (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index citizen_login_state_expiry on citizen_login_state (expires_at);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table citizen_login_state, oidc_payload`.execute(db);
}
