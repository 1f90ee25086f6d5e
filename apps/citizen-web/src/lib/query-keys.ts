import type { InboxCategory } from '@innboks/contracts';

/** What the inbox list is showing: category and view in the URL, the search in history state. */
export interface InboxFilters {
  category: InboxCategory | undefined;
  q: string | undefined;
  archived: boolean;
}

/**
 * Query keys shared across features, so one feature can invalidate another's cache
 * without importing it (features meet only in `app/routes`).
 */
export const queryKeys = {
  session: ['session'] as const,
  config: ['config'] as const,
  inbox: {
    all: ['inbox'] as const,
    list: (filters: InboxFilters) => ['inbox', 'list', filters] as const,
  },
  letter: {
    all: ['letter'] as const,
    detail: (id: string) => ['letter', id] as const,
  },
  municipal: {
    all: ['municipal'] as const,
    services: ['municipal', 'services'] as const,
    thread: (id: string) => ['municipal', 'thread', id] as const,
    accessLog: ['municipal', 'access-log'] as const,
  },
  appointments: {
    all: ['appointments'] as const,
    list: ['appointments', 'list'] as const,
    detail: (id: string) => ['appointments', 'detail', id] as const,
    forLetter: (letterId: string) => ['appointments', 'letter', letterId] as const,
  },
};
