// By path, not by package name: Vite bundles a config's relative imports and loads
// package imports with Node, which does not run TypeScript.
import { webAppConfig } from '../../packages/web-base/src/vite-config.ts';

export default webAppConfig({ base: '/', serverPaths: ['/api', '/auth', '/oidc', '/fhir', '/.well-known'] });
