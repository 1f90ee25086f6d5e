export * from './task-status.ts';
export * from './task-expiry.ts';
export * from './research-reservation.ts';
export * from './form-kind.ts';
