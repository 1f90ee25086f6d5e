/**
 * Query keys shared across features, so one feature can invalidate or clear another's cache
 * without importing it.
 */
export const queryKeys = {
  session: ['staff-session'] as const,
  services: ['services'] as const,
  threads: {
    all: ['threads'] as const,
    list: (serviceId: string, status: 'open' | 'closed') => ['threads', serviceId, status] as const,
  },
  thread: (id: string) => ['thread', id] as const,
  operator: {
    all: ['operator'] as const,
    overview: (hours: string) => ['operator', 'overview', hours] as const,
    deadLetters: ['operator', 'dead-letters'] as const,
    audit: ['operator', 'audit'] as const,
    timeline: (letterId: string) => ['operator', 'timeline', letterId] as const,
  },
};
