/**
 * A form order's state as the sender reads it (FHIR Task.status). It only moves
 * forward: requested → in-progress → completed, and from either of the first two to
 * failed (expired) or cancelled. A job or request that finds the task already past
 * the state it would set finds nothing to do, so each is safe to run twice.
 */
export const taskStatuses = ['requested', 'in-progress', 'completed', 'failed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

const nextStates: Record<TaskStatus, readonly TaskStatus[]> = {
  requested: ['in-progress', 'completed', 'failed', 'cancelled'],
  'in-progress': ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
};

export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return nextStates[from].includes(to);
}

/** The states a task may move to `to` from: the `where` of the one update that moves it. */
export function taskStatesBefore(to: TaskStatus): TaskStatus[] {
  return taskStatuses.filter((from) => canMoveTask(from, to));
}

/** A citizen can still open and answer the form. */
export function isTaskOpen(status: TaskStatus): boolean {
  return status === 'requested' || status === 'in-progress';
}
