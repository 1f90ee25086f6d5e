import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthorized } from '../lib/http.ts';
import { queryKeys } from '../lib/query-keys.ts';

/**
 * One QueryClient for the workspace. A 401 anywhere means the session is over: the start
 * page shows, and what was on screen (citizens' messages) is dropped from memory.
 */
export function createQueryClient(): QueryClient {
  const endSession = (error: unknown) => {
    if (!isUnauthorized(error)) return;
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    client.setQueryData(queryKeys.session, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSession }),
    mutationCache: new MutationCache({ onError: endSession }),
    // An answer from the server (4xx or 5xx) is not asked again; any other failure, such as a lost connection, is, twice.
    defaultOptions: { queries: { retry: (count, error) => count < 2 && !isApiError(error), staleTime: 10_000 } },
  });
  return client;
}
