import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noticeSettingsSchema, noticeSettingsUpdateSchema, type NoticeChoiceValue, type NoticeSettings } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';

const noticeSettingsKey = ['notice-settings'] as const;

/** GET /api/notice-settings: the register's mobile number and e-mail, and the citizen's own choice. */
export function getNoticeSettings(signal?: AbortSignal): Promise<NoticeSettings> {
  return request('/api/notice-settings', noticeSettingsSchema, { signal });
}

/** PUT /api/notice-settings: stores the choice (422 naming `choice` when the register has no address for it). */
export function saveNoticeChoice(choice: NoticeChoiceValue): Promise<NoticeSettings> {
  return request('/api/notice-settings', noticeSettingsSchema, { method: 'PUT', body: noticeSettingsUpdateSchema.parse({ choice }) });
}

export const useNoticeSettings = () => useQuery({ queryKey: noticeSettingsKey, queryFn: ({ signal }) => getNoticeSettings(signal) });

export const useSaveNoticeChoice = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNoticeChoice,
    onSuccess: (settings) => queryClient.setQueryData(noticeSettingsKey, settings),
  });
};
