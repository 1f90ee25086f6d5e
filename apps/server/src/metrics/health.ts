/**
 * `/healthz`: the process answers (a load balancer restarts it when not). `/readyz`:
 * it can do its work — the database answers and has every migration this build
 * knows, and each configured outside part a check was added for (a broker) answers —
 * so traffic goes elsewhere until it does. Both carry no personal data.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { schemaState, type Database } from '@innboks/db';

/** A named check: resolves true when the part answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

export async function readiness(db: Kysely<Database>, extra: readonly ReadinessCheck[] = []): Promise<Readiness> {
  const checks: Record<string, string> = {};
  const schema = await schemaState(db);
  if (!schema.reachable) checks.database = 'unreachable';
  else if (schema.pendingMigrations.length > 0) checks.database = `migrations not run: ${schema.pendingMigrations.join(', ')}`;
  else checks.database = 'ok';
  for (const part of extra) checks[part.name] = (await part.check().catch(() => false)) ? 'ok' : 'unreachable';
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}

export function registerHealthRoutes(app: FastifyInstance, db: Kysely<Database>, extra: readonly ReadinessCheck[] = []): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const state = await readiness(db, extra);
    return reply.code(state.ready ? 200 : 503).header('cache-control', 'no-store').send(state);
  });
}
