export * from './representation-rules.ts';
