/** The browser-safe part of the appointment domain: what the web app may import (no Temporal). */
export * from './appointment.ts';
export * from './region-rules.ts';
export * from './no-show-fee.ts';
export * from './earlier-answer.ts';
