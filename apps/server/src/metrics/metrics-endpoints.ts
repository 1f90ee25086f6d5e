/**
 * Where `/metrics` is served: on a port of its own (METRICS_PORT, loopback unless
 * METRICS_HOST says otherwise) with the health routes beside it, and on the public
 * port only with METRICS_TOKEN as a bearer token. Neither by default on the public
 * port: the figures tell how busy each sender and channel is.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@innboks/db';
import type { Config } from '../config.ts';
import type { Metrics } from './metrics.ts';
import { registerHealthRoutes, type ReadinessCheck } from './health.ts';

async function sendMetrics(metrics: Metrics, reply: FastifyReply) {
  return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics());
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `/metrics` on the public app, answered only to `Authorization: Bearer <token>`; 404 otherwise, as if it were not there. */
export function registerTokenMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string): void {
  const expected = digest(`Bearer ${token}`);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const given = digest(request.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Fant ikke', status: 404 });
    return sendMetrics(metrics, reply);
  });
}

export interface MetricsServerOptions {
  port: number;
  host: string;
  metrics: Metrics;
  db: Kysely<Database>;
  readinessChecks?: readonly ReadinessCheck[];
}

/** The operator's port: /metrics, /healthz, /readyz. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  server.get('/metrics', async (_request, reply) => sendMetrics(options.metrics, reply));
  registerHealthRoutes(server, options.db, options.readinessChecks);
  await server.listen({ port: options.port, host: options.host });
  return server;
}

/**
 * The operator's port as configured (METRICS_PORT, 0 = none). A port already taken
 * (a second process on one machine) is logged and the process goes on without it:
 * its work matters more than its figures.
 */
export async function startOperatorPort(
  config: Pick<Config, 'operations'>,
  parts: { metrics: Metrics; db: Kysely<Database>; readinessChecks?: readonly ReadinessCheck[]; log: { error(object: unknown, message: string): void } },
): Promise<FastifyInstance | undefined> {
  const { metricsPort, metricsHost } = config.operations;
  if (metricsPort === 0) return undefined;
  try {
    return await startMetricsServer({ port: metricsPort, host: metricsHost, metrics: parts.metrics, db: parts.db, ...(parts.readinessChecks ? { readinessChecks: parts.readinessChecks } : {}) });
  } catch (error) {
    parts.log.error({ port: metricsPort, error: error instanceof Error ? error.message : String(error) }, 'operator port (METRICS_PORT) not opened; /metrics is not served');
    return undefined;
  }
}
