/**
 * A built web app served under a path prefix by the same server (the staff workspace at
 * /ansatt/, the forms app at /skjemautfyller/): its files, and index.html for every
 * other page path under the prefix, so the app's own routes load on a reload.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

export interface WebAppAtPrefix {
  /** '/ansatt', '/skjemautfyller'. */
  prefix: string;
  dist: string;
  /** Said when the app is not built. */
  name: string;
  /** Paths under the prefix that are the server's, never the app's pages. */
  serverPrefixes?: readonly string[];
}

export async function registerWebAppAtPrefix(app: FastifyInstance, options: WebAppAtPrefix): Promise<void> {
  const indexFile = path.join(options.dist, 'index.html');
  const hasBuild = existsSync(indexFile);
  await app.register(
    async (scope) => {
      if (hasBuild) {
        await scope.register(fastifyStatic, { root: options.dist, prefix: '/', wildcard: false, index: false, decorateReply: false });
      }
      const sendIndex = async (reply: FastifyReply) => {
        if (!hasBuild) return reply.code(503).type('text/plain; charset=utf-8').send(`The ${options.name} is not built: run \`npm run build\`.`);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await readFile(indexFile));
      };
      scope.get('/', async (_request, reply) => sendIndex(reply));
      scope.setNotFoundHandler(async (request, reply) => {
        const serverPath = (options.serverPrefixes ?? []).some((prefix) => request.url.startsWith(prefix));
        if (request.method === 'GET' && !serverPath) return sendIndex(reply);
        return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Fant ikke', status: 404 });
      });
    },
    { prefix: options.prefix },
  );
}
