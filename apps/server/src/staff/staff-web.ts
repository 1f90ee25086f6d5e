/**
 * The staff workspace's web app (apps/staff-web), served under /ansatt/ by the same
 * server: its built files, and index.html for every other page path under /ansatt/.
 */
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import { staffWebDist } from '../web-app-dist.ts';

/** STAFF_OIDC_CLIENT_SECRET, or with the embedded IdP a secret derived from the citizen client's (no second file to keep). */
export function staffClientSecretFor(config: Config, citizenClientSecret: string): string {
  if (config.staffOidc.clientSecret) return config.staffOidc.clientSecret;
  if (!config.embeddedIdentityProvider) throw new Error('STAFF_OIDC_CLIENT_SECRET is required with an external identity provider.');
  return createHmac('sha256', citizenClientSecret).update('innboks-staff-web').digest('base64url');
}

export async function registerStaffWebApp(app: FastifyInstance, staffDist = staffWebDist): Promise<void> {
  const indexFile = path.join(staffDist, 'index.html');
  const hasBuild = existsSync(indexFile);
  await app.register(
    async (scope) => {
      if (hasBuild) {
        await scope.register(fastifyStatic, { root: staffDist, prefix: '/', wildcard: false, index: false, decorateReply: false });
      }
      const sendIndex = async (reply: FastifyReply) => {
        if (!hasBuild) return reply.code(503).type('text/plain; charset=utf-8').send('The staff web app is not built: run `npm run build`.');
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await readFile(indexFile));
      };
      scope.get('/', async (_request, reply) => sendIndex(reply));
      scope.setNotFoundHandler(async (request, reply) => {
        const apiLike = ['/ansatt/api/', '/ansatt/auth/'].some((prefix) => request.url.startsWith(prefix));
        if (request.method === 'GET' && !apiLike) return sendIndex(reply);
        return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Fant ikke', status: 404 });
      });
    },
    { prefix: '/ansatt' },
  );
}
