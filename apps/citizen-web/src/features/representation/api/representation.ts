import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actingForUpdateSchema,
  powerOfAttorneyRequestSchema,
  representationLogSchema,
  representationSchema,
  type PowerOfAttorneyRequest,
  type Representation,
} from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const representationKey = ['representation'] as const;

/** GET /api/representation: whom the citizen acts for now, whom they may choose, the powers they gave. */
export const useRepresentation = (enabled = true) =>
  useQuery({ queryKey: representationKey, queryFn: ({ signal }) => request('/api/representation', representationSchema, { signal }), enabled });

/** Whom the citizen acts for now (undefined while unknown, null for themselves). */
export function useActingFor(enabled = true): Representation['actingFor'] | undefined {
  return useRepresentation(enabled).data?.actingFor;
}

/** PUT /api/representation/acting-for: every cached answer was for the person before, so all are dropped. */
export const useChooseActingFor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string | null) =>
      request('/api/representation/acting-for', representationSchema, { method: 'PUT', body: actingForUpdateSchema.parse({ personId }) }),
    onSuccess: async (representation) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] && query.queryKey[0] !== representationKey[0] });
      queryClient.setQueryData(representationKey, representation);
    },
  });
};

/** POST /api/representation/powers (422 naming the field when the rules refuse it). */
export const useGivePowerOfAttorney = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PowerOfAttorneyRequest) =>
      request('/api/representation/powers', representationSchema, { method: 'POST', body: powerOfAttorneyRequestSchema.parse(input) }),
    onSuccess: (representation) => queryClient.setQueryData(representationKey, representation),
  });
};

/** DELETE /api/representation/powers/:id: either side ends it. */
export const useEndPowerOfAttorney = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(`/api/representation/powers/${encodeURIComponent(id)}`, representationSchema, { method: 'DELETE' }),
    onSuccess: (representation) => queryClient.setQueryData(representationKey, representation),
  });
};

/** GET /api/representation/log: what representatives read and did for the citizen. */
export const useRepresentationLog = () =>
  useQuery({ queryKey: ['representation-log'], queryFn: ({ signal }) => request('/api/representation/log', representationLogSchema, { signal }) });
