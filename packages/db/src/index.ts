export * from './database.ts';
export * from './schema.ts';
export * from './migrate.ts';
export * from './queue/job-queue.ts';
export * from './repositories/letter-aggregate.ts';
export * from './repositories/sender-repository.ts';
export * from './repositories/citizen-inbox.ts';
export * from './repositories/directory.ts';
