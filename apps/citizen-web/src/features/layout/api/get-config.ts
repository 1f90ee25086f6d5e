import { queryOptions, useQuery } from '@tanstack/react-query';
import { publicConfigSchema, type PublicConfig } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/config: public facts for every page (the help desk in the footer). */
export function getConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return request('/api/config', publicConfigSchema, { signal });
}

export const configQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => getConfig(signal),
    staleTime: Infinity,
  });

export const useConfig = () => useQuery(configQueryOptions());
