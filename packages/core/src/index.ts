export * from './time/clock.ts';
export * from './identity/national-id.ts';
export * from './inbox/category.ts';
export * from './letters/attachment-rules.ts';
export * from './letters/incoming-letter.ts';
export * from './identity/organization-number.ts';
export * from './delivery/index.ts';
