/**
 * `npm run verify-access-log`: walks the staff access log's hash chain in the
 * configured database (DATABASE_URL, else the embedded one under INNBOKS_DATA_DIR —
 * stop the server first, PGlite is one process only) and reports every row that was
 * altered or removed, or rewritten without the access-log key (ACCESS_LOG_KEY, else
 * the one under the data dir). Exit code 0 when the chain is whole, 1 when not.
 */
import { verifyAccessLog } from '@innboks/db';
import { loadConfig } from '../config.ts';
import { accessLogKey, openConfiguredDatabase } from '../runtime.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const key = await accessLogKey(config, 'read');
const database = await openConfiguredDatabase(config);
try {
  const result = await verifyAccessLog(database.db, key);
  if (result.ok) {
    console.log(`Access log OK: ${result.rows} rows, the hash chain is whole and sealed.`);
  } else {
    console.error(`Access log BROKEN: ${result.problems.length} problem(s) in ${result.rows} rows:`);
    for (const problem of result.problems) console.error(`  row ${problem.seq}: ${problem.problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
