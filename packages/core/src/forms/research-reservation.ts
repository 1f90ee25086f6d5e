import type { SenderKind } from '../inbox/category.ts';

/**
 * A citizen's reservation against research and other purposes than health care
 * refuses research senders only: a national health survey is not research, and
 * hospitals, GPs and municipal services send for health care.
 */
export function isRefusedByReservation(senderKind: SenderKind, citizenReserved: boolean): boolean {
  return citizenReserved && senderKind === 'research';
}

