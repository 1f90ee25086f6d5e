export * from './appointment.ts';
export * from './region-rules.ts';
export * from './earlier-answer.ts';
export * from './no-show-fee.ts';
export * from './reply-deadline.ts';
export * from './reply-window.ts';
export * from './send-appointment-reply.ts';
