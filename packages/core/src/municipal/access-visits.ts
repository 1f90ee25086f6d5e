/**
 * "Logg over bruk" shows visits, not rows. One look at a citizen's conversation
 * writes several access-log rows — the service inbox listing it, the thread opened,
 * an attachment — and shown one per row they read as the same thing twice. Rows of
 * one staff member, service and thread within half an hour of each other are one
 * visit, shown at its start with the most that was seen.
 */
/** What a staff view showed, from least to most: a listing shows name and subject, a thread its messages, an attachment its file. */
export const accessedObjects = ['thread-summary', 'thread', 'message', 'attachment'] as const;
export type AccessedObject = (typeof accessedObjects)[number];

export interface AccessRow<T extends AccessedObject = AccessedObject> {
  at: Date;
  staffName: string;
  serviceName: string;
  threadId: string;
  objectType: T;
}

export const visitWindowMs = 30 * 60 * 1000;

/** Rows newest first in, visits newest first out. A listing's rows for other threads may stand between a visit's rows. */
export function groupAccessVisits<R extends AccessRow>(rowsNewestFirst: R[]): R[] {
  const visits: R[] = [];
  for (const row of rowsNewestFirst) {
    const index = visits.findLastIndex(
      (visit) =>
        visit.staffName === row.staffName &&
        visit.serviceName === row.serviceName &&
        visit.threadId === row.threadId &&
        visit.at.getTime() - row.at.getTime() <= visitWindowMs,
    );
    const visit = visits[index];
    if (!visit) {
      visits.push({ ...row });
      continue;
    }
    const mostSeen = accessedObjects.indexOf(row.objectType) > accessedObjects.indexOf(visit.objectType) ? row.objectType : visit.objectType;
    visits[index] = { ...visit, at: row.at, objectType: mostSeen };
  }
  return visits;
}
