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
 * session becomes null (the route guards then show the start page) and the private data
 * the expired session could see is dropped.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!isUnauthorized(error) || client.getQueryData(queryKeys.session) === null) return;
    client.setQueryData(queryKeys.session, null);
    setTimeout(() => {
      client.removeQueries({ queryKey: queryKeys.inbox.all });
      client.removeQueries({ queryKey: queryKeys.letter.all });
    }, 0);
  };

  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
