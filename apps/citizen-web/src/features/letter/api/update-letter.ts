import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inboxItemSchema, letterPatchSchema, type InboxItem, type Letter, type LetterPatch } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** PATCH /api/letters/:id: archive or restore, mark read or unread. Answers the inbox row. */
export function updateLetter(id: string, patch: LetterPatch): Promise<InboxItem> {
  return request(`/api/letters/${encodeURIComponent(id)}`, inboxItemSchema, {
    method: 'PATCH',
    body: letterPatchSchema.parse(patch),
  });
}

export const useUpdateLetter = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: LetterPatch) => updateLetter(id, patch),
    onSuccess: (item) => {
      queryClient.setQueryData<Letter>(queryKeys.letter.detail(id), (letter) =>
        letter ? { ...letter, archived: item.archived, unread: item.unread } : letter,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
      // Mark letters stale without refetching the open one: a fetch would mark it read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.letter.all, refetchType: 'none' });
    },
  });
};
