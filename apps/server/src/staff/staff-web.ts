/**
 * The staff workspace's web app (apps/staff-web), served under /ansatt/ by the same
 * server: its built files, and index.html for every other page path under /ansatt/.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { staffWebDist } from '../web-app-dist.ts';
import { registerWebAppAtPrefix } from '../web-app-at-prefix.ts';

/** STAFF_OIDC_CLIENT_SECRET, or with the embedded IdP a secret derived from the citizen client's (no second file to keep). */
export function staffClientSecretFor(config: Config, citizenClientSecret: string): string {
  if (config.staffOidc.clientSecret) return config.staffOidc.clientSecret;
  if (!config.embeddedIdentityProvider) throw new Error('STAFF_OIDC_CLIENT_SECRET is required with an external identity provider.');
  return createHmac('sha256', citizenClientSecret).update('innboks-staff-web').digest('base64url');
}

export async function registerStaffWebApp(app: FastifyInstance, staffDist = staffWebDist): Promise<void> {
  await registerWebAppAtPrefix(app, { prefix: '/ansatt', dist: staffDist, name: 'staff web app', serverPrefixes: ['/ansatt/api/', '/ansatt/auth/'] });
}
