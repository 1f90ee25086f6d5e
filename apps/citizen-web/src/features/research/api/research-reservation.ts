import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { researchReservationSchema, type ResearchReservation } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';

const key = ['research-reservation'] as const;

/** GET /api/research-reservation: whether the citizen reserves against research. */
export const useResearchReservation = () => useQuery({ queryKey: key, queryFn: ({ signal }) => request('/api/research-reservation', researchReservationSchema, { signal }) });

/** PUT /api/research-reservation { reserved }. */
export const useSaveResearchReservation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reserved: boolean) => request('/api/research-reservation', researchReservationSchema, { method: 'PUT', body: researchReservationSchema.parse({ reserved }) }),
    onSuccess: (saved: ResearchReservation) => queryClient.setQueryData(key, saved),
  });
};
