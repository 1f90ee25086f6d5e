// By path, not by package name: Vite bundles a config's relative imports and loads
// package imports with Node, which does not run TypeScript.
import { mergeConfig } from 'vite';
import { webAppConfig } from '../../packages/web-base/src/vite-config.ts';

// The forms app: its own bundle with refero and design system 13, served under /skjemautfyller/.
export default mergeConfig(webAppConfig({ base: '/skjemautfyller/', serverPaths: ['/api', '/auth'], devPort: 5175 }), {
  resolve: {
    // refero 22.2.1 imports the date picker as "…/DatePicker/" (a trailing slash), which the
    // date picker's package exports do not allow; it means the component itself.
    alias: [{ find: /^@helsenorge\/datepicker\/components\/DatePicker\/$/, replacement: '@helsenorge/datepicker/components/DatePicker' }],
  },
});
