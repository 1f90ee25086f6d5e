/** The test databases live with the database package, so its own integration tests use them too. */
export * from '@innboks/db/testing';
