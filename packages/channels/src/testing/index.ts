export * from './http-service.ts';
export * from './smtp-server.ts';
export * from './pdf-text.ts';
