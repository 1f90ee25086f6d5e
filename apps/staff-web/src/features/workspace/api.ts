import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  staffAnswerSentSchema,
  staffServicesSchema,
  staffThreadListSchema,
  staffThreadSchema,
  staffThreadSummarySchema,
  type StaffThreadPatch,
} from '@innboks/contracts';
import { request } from '../../lib/http.ts';

export const keys = {
  services: ['services'] as const,
  threads: (serviceId: string, status: 'open' | 'closed') => ['threads', serviceId, status] as const,
  allThreads: ['threads'] as const,
  thread: (id: string) => ['thread', id] as const,
};

export const useServices = () =>
  useQuery({ queryKey: keys.services, queryFn: ({ signal }) => request('/ansatt/api/services', staffServicesSchema, { signal }) });

export const useThreads = (serviceId: string, status: 'open' | 'closed') =>
  useQuery({
    queryKey: keys.threads(serviceId, status),
    queryFn: ({ signal }) => request(`/ansatt/api/services/${encodeURIComponent(serviceId)}/threads?status=${status}`, staffThreadListSchema, { signal }),
    refetchInterval: 30_000,
  });

/** Opening a thread is logged on the server: fetch it once per visit, never behind the user's back. */
export const useThread = (id: string) =>
  useQuery({
    queryKey: keys.thread(id),
    queryFn: ({ signal }) => request(`/ansatt/api/threads/${encodeURIComponent(id)}`, staffThreadSchema, { signal }),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    retry: false,
  });

export const useUpdateThread = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: StaffThreadPatch) => request(`/ansatt/api/threads/${encodeURIComponent(id)}`, staffThreadSummarySchema, { method: 'PATCH', body: patch }),
    onSuccess: (summary) => {
      client.setQueryData(keys.thread(id), (thread: ReturnType<typeof staffThreadSchema.parse> | undefined) => (thread ? { ...thread, ...summary } : thread));
      void client.invalidateQueries({ queryKey: keys.allThreads });
      void client.invalidateQueries({ queryKey: keys.services });
    },
  });
};

export const useAnswer = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => request(`/ansatt/api/threads/${encodeURIComponent(id)}/messages`, staffAnswerSentSchema, { method: 'POST', body: { text } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.thread(id) });
      void client.invalidateQueries({ queryKey: keys.allThreads });
      void client.invalidateQueries({ queryKey: keys.services });
    },
  });
};
