import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthorized } from '../lib/http.ts';
import { queryKeys } from '../lib/query-keys.ts';

/** Network failures and 5xx may pass; a 4xx or a response that breaks the contract will not. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const transient = isApiError(error) ? error.status >= 500 : error instanceof TypeError;
  return transient && failureCount < 2;
}

/**
 * One QueryClient for the app. A 401 from any call means the session is over: the cached
 * session becomes null, the route guards then show the start page, and the letters and
 * inbox pages the expired session could see are dropped from memory.
 */
export function createQueryClient(): QueryClient {
  const endSession = (error: unknown) => {
    if (isUnauthorized(error)) client.setQueryData(queryKeys.session, null);
  };

  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSession }),
    mutationCache: new MutationCache({ onError: endSession }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });

  let cleanupScheduled = false;
  client.getQueryCache().subscribe((event) => {
    const loggedOut =
      event.type === 'updated' && event.query.queryKey[0] === queryKeys.session[0] && event.query.state.data === null;
    if (!loggedOut || cleanupScheduled) return;
    cleanupScheduled = true;
    // After the guards have navigated away, so no mounted page refetches what is removed.
    setTimeout(() => {
      cleanupScheduled = false;
      client.removeQueries({ queryKey: queryKeys.inbox.all });
      client.removeQueries({ queryKey: queryKeys.letter.all });
      client.removeQueries({ queryKey: queryKeys.municipal.all });
    }, 0);
  });

  return client;
}
