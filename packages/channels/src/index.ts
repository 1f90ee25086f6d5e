export * from './http.ts';
export * from './sms.ts';
export * from './email.ts';
export * from './outbox.ts';
export * from './digital-mailbox.ts';
export * from './print.ts';
export * from './letter-pdf.ts';
export { linesPdf } from './letter-fonts.ts';
export * from './registers.ts';
