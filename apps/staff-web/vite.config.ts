// By path, not by package name: Vite bundles a config's relative imports and loads
// package imports with Node, which does not run TypeScript.
import { webAppConfig } from '../../packages/web-base/src/vite-config.ts';

/** The staff workspace, served by the server under /ansatt/. */
export default webAppConfig({ base: '/ansatt/', serverPaths: ['/ansatt/api', '/ansatt/auth', '/oidc', '/.well-known'], devPort: 5174 });
