/**
 * The lint fences hold: a route or identity module that reaches for the database — a
 * driver import, the `Database` type, a `db` handle, a `Kysely` instance — fails
 * `npm run lint`, and so does the domain core importing a framework or database. Each
 * snippet is linted as if it were a file at that path, with the repository's own
 * eslint.config.js (only the fence rules: they need no type information).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fenceRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);
const eslint = new ESLint({
  cwd: repoRoot,
  // The snippets' paths are not on disk, so not in the TypeScript project.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => fenceRules.has(ruleId),
});

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const routeFolders = ['fhir', 'web', 'staff', 'dev', 'identity'].map((folder) => `apps/server/src/${folder}`);

const violations = {
  'a kysely import': "import { sql } from 'kysely';\nexport const one = sql`select 1`;\n",
  'a pg import': "import pg from 'pg';\nexport const pool = new pg.Pool();\n",
  'the Database type': "import type { Database } from '@innboks/db';\nexport type Tables = keyof Database;\n",
  'the scope factory': "import { Scopes } from '@innboks/db';\nexport const make = Scopes;\n",
  'a db handle in the options': 'export interface RouteOptions { db: unknown }\n',
  'a Kysely instance': 'export function register(handle: Kysely<unknown>) { return handle; }\n',
};

describe('the database fence of route and identity modules', () => {
  for (const folder of routeFolders) {
    for (const [what, code] of Object.entries(violations)) {
      it(`refuses ${what} in ${folder}`, { timeout: 30_000 }, async () => {
        expect(await fenceErrors(`${folder}/new-routes.ts`, code)).not.toEqual([]);
      });
    }
  }

  it('lets a route take its scope from the guard', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      "import type { Guards } from '../access/guards.ts';",
      "import { citizenScope } from '../access/request-scope.ts';",
      'export async function registerRoutes(app: FastifyInstance, guards: Guards) {',
      "  app.get('/api/inbox/unread', { preHandler: guards.citizen }, async (request) => citizenScope(request).inbox.unreadCounts());",
      '}',
      '',
    ].join('\n');
    expect(await fenceErrors('apps/server/src/web/new-routes.ts', code)).toEqual([]);
  });

  it('leaves tests in those folders free to check what was stored', async () => {
    expect(await fenceErrors('apps/server/src/web/new-routes.db.test.ts', violations['a kysely import'])).toEqual([]);
  });

  it('leaves the composition root and the guards free to hold the handle', async () => {
    expect(await fenceErrors('apps/server/src/access/new-guard.ts', violations['a kysely import'])).toEqual([]);
  });
});

describe('the fence of the domain core', () => {
  it.each([
    ['kysely', "import { sql } from 'kysely';\nexport const one = sql`select 1`;\n"],
    ['fastify', "import Fastify from 'fastify';\nexport const app = Fastify();\n"],
    ['oidc-provider', "import Provider from 'oidc-provider';\nexport const make = Provider;\n"],
  ])('refuses %s in packages/core', async (_name, code) => {
    expect(await fenceErrors('packages/core/src/new-rule.ts', code)).not.toEqual([]);
  });
});
