/** Every answered request into the latency histogram, labelled by its route pattern (`/fhir/R4/Communication/:id`), never the URL with its ids. */
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.ts';

export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequestSeconds.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
