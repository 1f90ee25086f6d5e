export * from './categories.ts';
export * from './web-api.ts';
export * from './notice-settings.ts';
