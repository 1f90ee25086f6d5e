export * from './task-status.ts';
export * from './task-expiry.ts';
export * from './research-reservation.ts';
export * from './form-kind.ts';
export * from './incoming-form.ts';
export * from './answered-items.ts';
export * from './answer-attachments.ts';
