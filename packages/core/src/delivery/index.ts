export * from './oslo-time.ts';
export * from './quiet-hours.ts';
export * from './channel-plan.ts';
export * from './next-channel.ts';
export * from './notices.ts';
export * from './notices-text.ts';
export * from './attempt-state.ts';
export * from './ports.ts';
