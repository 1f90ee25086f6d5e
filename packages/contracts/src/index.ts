export * from './categories.ts';
export * from './web-api.ts';
