// House rules: no floating promises, exhaustive switches, type-only imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The database drivers: only packages/db, the composition root and the jobs hold them.
const databaseDrivers = ['kysely', 'kysely/*', 'pg', '@electric-sql/*'];

/**
 * Routes never get the database handle: a route module reaches data only through the
 * scope its guard sets (apps/server/src/access), built from the verified principal.
 * The identity modules keep their state through packages/db's stores, not queries.
 */
const databaseFence = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [{ group: databaseDrivers, message: 'Route and identity modules never query the database: use the scope (routes) or a store of packages/db (identity).' }],
      paths: [
        {
          name: '@innboks/db',
          importNames: ['Database', 'DatabaseHandle', 'openDatabase', 'Scopes'],
          message: 'Route and identity modules never get the database handle, nor make scopes: the guards do (apps/server/src/access).',
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "Identifier[name='db']", message: 'Route and identity modules never get the database handle (`db`): take the scope from the guard.' },
    { selector: "TSTypeReference[typeName.name='Kysely']", message: 'Route and identity modules never get a Kysely instance.' },
  ],
};

/** The folders whose modules register routes or log people in (tests excepted: they check what was stored). */
const fencedFolders = ['apps/server/src/fhir', 'apps/server/src/web', 'apps/server/src/staff', 'apps/server/src/dev', 'apps/server/src/identity'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core stays free of frameworks, databases and SDKs.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fastify*', 'kysely', 'pg', '@electric-sql/*', 'oidc-provider', 'openid-client', 'nodemailer', 'react*'] }],
    },
  },
  {
    files: fencedFolders.map((folder) => `${folder}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: databaseFence,
  },
);
