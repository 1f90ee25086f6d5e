export * from './http-service.ts';
export * from './smtp-server.ts';
