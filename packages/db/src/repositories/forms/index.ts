export * from './sender-forms.ts';
export * from './citizen-forms.ts';
export * from './form-jobs.ts';
