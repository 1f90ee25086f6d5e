/**
 * Where the built web apps are: apps/citizen-web/dist, apps/staff-web/dist and apps/forms-web/dist.
 *
 * Found from this file's place, which is one directory below apps/server both in the
 * source (src/) and in the server bundle (dist/, `npm run build`), so the same path
 * holds whichever of the two is running. Keep this file directly in src/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const citizenWebDist = path.join(appsDir, 'citizen-web/dist');
export const staffWebDist = path.join(appsDir, 'staff-web/dist');
export const formsWebDist = path.join(appsDir, 'forms-web/dist');
