import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  staffAnswerSentSchema,
  staffServicesSchema,
  staffThreadListSchema,
  staffThreadSchema,
  staffThreadSummarySchema,
  type StaffThreadPatch,
} from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const useServices = () =>
  useQuery({ queryKey: queryKeys.services, queryFn: ({ signal }) => request('/api/services', staffServicesSchema, { signal }) });

export const useThreads = (serviceId: string, status: 'open' | 'closed') =>
  useQuery({
    queryKey: queryKeys.threads.list(serviceId, status),
    queryFn: ({ signal }) => request(`/api/services/${encodeURIComponent(serviceId)}/threads?status=${status}`, staffThreadListSchema, { signal }),
    refetchInterval: 30_000,
  });

/** Opening a thread is logged on the server: fetch it once per visit, never behind the user's back. */
export const useThread = (id: string) =>
  useQuery({
    queryKey: queryKeys.thread(id),
    queryFn: ({ signal }) => request(`/api/threads/${encodeURIComponent(id)}`, staffThreadSchema, { signal }),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    retry: false,
  });

export const useUpdateThread = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: StaffThreadPatch) => request(`/api/threads/${encodeURIComponent(id)}`, staffThreadSummarySchema, { method: 'PATCH', body: patch }),
    onSuccess: (summary) => {
      client.setQueryData(queryKeys.thread(id), (thread: ReturnType<typeof staffThreadSchema.parse> | undefined) => (thread ? { ...thread, ...summary } : thread));
      void client.invalidateQueries({ queryKey: queryKeys.threads.all });
      void client.invalidateQueries({ queryKey: queryKeys.services });
    },
  });
};

export const useAnswer = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => request(`/api/threads/${encodeURIComponent(id)}/messages`, staffAnswerSentSchema, { method: 'POST', body: { text } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.thread(id) });
      void client.invalidateQueries({ queryKey: queryKeys.threads.all });
      void client.invalidateQueries({ queryKey: queryKeys.services });
    },
  });
};
