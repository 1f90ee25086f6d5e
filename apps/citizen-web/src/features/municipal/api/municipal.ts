import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accessLogSchema,
  municipalMessageSentSchema,
  municipalOverviewSchema,
  municipalThreadInfoSchema,
  type NewMunicipalMessage,
} from '@innboks/contracts';
import { isApiError, request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/municipal/services: trial or not, the services received, and the answer day if sent now. */
export const useMunicipalServices = () =>
  useQuery({ queryKey: queryKeys.municipal.services, queryFn: ({ signal }) => request('/api/municipal/services', municipalOverviewSchema, { signal }) });

/** GET /api/municipal/threads/:id — null for a thread that is not a municipal conversation. */
/** Asked only of a thread the letter says is municipal (`enabled`), so other letters cause no 404. */
export const useMunicipalThread = (id: string, enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: queryKeys.municipal.thread(id),
    queryFn: async ({ signal }) => {
      try {
        return await request(`/api/municipal/threads/${encodeURIComponent(id)}`, municipalThreadInfoSchema, { signal });
      } catch (error) {
        if (isApiError(error, 404) || isApiError(error, 400)) return null;
        throw error;
      }
    },
  });

export const useAccessLog = () =>
  useQuery({ queryKey: queryKeys.municipal.accessLog, queryFn: ({ signal }) => request('/api/municipal/access-log', accessLogSchema, { signal }) });

export const useSendMunicipalMessage = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMunicipalMessage) => request('/api/municipal/messages', municipalMessageSentSchema, { method: 'POST', body: message }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.inbox.all }),
  });
};

export const useReplyInThread = (threadId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => request(`/api/municipal/threads/${encodeURIComponent(threadId)}/messages`, municipalMessageSentSchema, { method: 'POST', body: { text } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.inbox.all });
      void client.invalidateQueries({ queryKey: queryKeys.letter.detail(threadId) });
      void client.invalidateQueries({ queryKey: queryKeys.municipal.thread(threadId) });
    },
  });
};
