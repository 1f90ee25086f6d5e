/** What tests and the benchmarks share: test databases, an admin connection, SQL compiled without a database. */
export * from './test-database.ts';
export { compileOnly } from './compile-only.ts';
export { sampleIncomingLetter } from './sample-rows.ts';
