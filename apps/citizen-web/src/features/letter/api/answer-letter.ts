import { useMutation, useQueryClient } from '@tanstack/react-query';
import { letterAnswerSentSchema } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** POST /api/letters/:id/answers: answer the sender's question; the thread then shows the answer and where it is. */
export const useAnswerLetter = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => request(`/api/letters/${encodeURIComponent(id)}/answers`, letterAnswerSentSchema, { method: 'POST', body: { text } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.letter.detail(id) });
    },
  });
};
