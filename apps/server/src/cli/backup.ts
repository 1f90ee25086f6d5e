/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`: the configured database
 * (DATABASE_URL, else the embedded one under INNBOKS_DATA_DIR — stop the server first,
 * PGlite is one process only) to a file, and a file into a new database (an empty
 * DATABASE_URL database, or an INNBOKS_DATA_DIR without a database yet). The access
 * log's key (ACCESS_LOG_KEY, or the file under the data dir) is not in the database
 * and not in the backup: keep it apart, as it is kept in production.
 */
import path from 'node:path';
import { backupDatabase, restoreDatabase, type BackupTarget } from '@innboks/db';
import { loadConfig } from '../config.ts';

const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('usage: npm run backup -- <file> | npm run restore -- <file>');
  process.exit(2);
}
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database: BackupTarget = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pgdata') };
const where = 'url' in database ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${database.dataDir}`;
try {
  if (command === 'backup') {
    const format = await backupDatabase(database, file);
    console.log(`Backed up ${where} to ${file} (${format}).`);
  } else {
    await restoreDatabase(file, database);
    console.log(`Restored ${file} into ${where}. Run \`npm run verify-access-log\` with the access-log key of the backed-up deployment.`);
  }
} catch (error) {
  console.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
