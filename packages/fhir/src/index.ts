export * from './systems.ts';
export * from './operation-outcome.ts';
export * from './communication-in.ts';
export * from './communication-out.ts';
export * from './capability-statement.ts';
export * from './episode-of-care.ts';
export * from './appointment-in.ts';
export * from './appointment-out.ts';
