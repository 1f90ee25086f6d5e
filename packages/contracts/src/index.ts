/** The operator's API is imported by its own path (`@innboks/contracts/operator-api`), so its schemas stay out of the web apps' first load. */
export * from './categories.ts';
export * from './web-api.ts';
export * from './municipal-api.ts';
export * from './appointments.ts';
export * from './notice-settings.ts';
export * from './language.ts';
export * from './forms.ts';
export * from './representation.ts';
