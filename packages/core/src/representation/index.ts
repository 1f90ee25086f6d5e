export * from './representation-rules.ts';
export * from './ports.ts';
