export * from './categories.ts';
export * from './web-api.ts';
export * from './municipal-api.ts';
export * from './appointments.ts';
export * from './notice-settings.ts';
export * from './language.ts';
export * from './forms.ts';
export * from './representation.ts';
