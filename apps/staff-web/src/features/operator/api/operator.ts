import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  operatorAuditSchema,
  operatorDeadLettersSchema,
  operatorLetterSearchResultSchema,
  operatorOverviewSchema,
  operatorReplayedSchema,
  operatorReplayStoppedAnswerSchema,
  operatorTimelineSchema,
} from '@innboks/contracts/operator-api';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * The operator's API. Every call is written to the operator audit log on the server,
 * so nothing here refetches behind the operator's back (no focus refetch, no polling):
 * each read is one the operator asked for.
 */
const once = { refetchOnWindowFocus: false, staleTime: Infinity, retry: false } as const;

export const useOverview = (hours: '24' | '168') =>
  useQuery({ queryKey: queryKeys.operator.overview(hours), queryFn: ({ signal }) => request(`/api/operator/overview?hours=${hours}`, operatorOverviewSchema, { signal }), ...once });

export const useDeadLetters = () =>
  useQuery({ queryKey: queryKeys.operator.deadLetters, queryFn: ({ signal }) => request('/api/operator/dead-letters', operatorDeadLettersSchema, { signal }), ...once });

export const useAuditLog = () => useQuery({ queryKey: queryKeys.operator.audit, queryFn: ({ signal }) => request('/api/operator/audit', operatorAuditSchema, { signal }), ...once });

export const useTimeline = (letterId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.operator.timeline(letterId ?? ''),
    queryFn: ({ signal }) => request(`/api/operator/letters/${encodeURIComponent(letterId!)}/timeline`, operatorTimelineSchema, { signal }),
    enabled: Boolean(letterId),
    ...once,
  });

export const useLetterSearch = () => useMutation({ mutationFn: (query: string) => request('/api/operator/letters/search', operatorLetterSearchResultSchema, { method: 'POST', body: { query } }) });

export const replayDeadLetter = (id: string) => request(`/api/operator/dead-letters/${encodeURIComponent(id)}/replay`, operatorReplayedSchema, { method: 'POST' });

export const reportReplayStopped = (replayed: string[], left: string[]) =>
  request('/api/operator/dead-letters/replay-stopped', operatorReplayStoppedAnswerSchema, { method: 'POST', body: { replayed, left } });

/** After a replay: the dead letters, the charts and the audit log are read again. */
export function useRefreshAfterReplay() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: queryKeys.operator.all });
}
