import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys.ts';

/** A little after the server's idle limit, so the check lands on the far side of it. */
const marginMs = 5_000;

/**
 * The server ends a session after `idleTimeoutSeconds` without requests. When that much time
 * has passed since the last answer from the server, ask again: a 401 then takes the citizen
 * to the start page, so an expired session does not leave letters on the screen.
 */
export function useSessionExpiry(idleTimeoutSeconds: number | undefined): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (idleTimeoutSeconds === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: queryKeys.session }),
        idleTimeoutSeconds * 1000 + marginMs,
      );
    };
    restart();
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') restart();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [idleTimeoutSeconds, queryClient]);
}
