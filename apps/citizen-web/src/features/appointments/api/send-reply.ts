import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  appointmentReplyReceiptSchema,
  appointmentReplyRequestSchema,
  type AppointmentReplyReceipt,
  type AppointmentReplyRequest,
} from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** POST /api/appointments/:id/replies: the reply button or a dialogue message. */
export function sendAppointmentReply(appointmentId: string, reply: AppointmentReplyRequest): Promise<AppointmentReplyReceipt> {
  return request(`/api/appointments/${encodeURIComponent(appointmentId)}/replies`, appointmentReplyReceiptSchema, {
    method: 'POST',
    body: appointmentReplyRequestSchema.parse(reply),
  });
}

export const useSendAppointmentReply = (appointmentId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reply: AppointmentReplyRequest) => sendAppointmentReply(appointmentId, reply),
    onSuccess: (receipt) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
      // The reply is now in that thread: show it there.
      void queryClient.invalidateQueries({ queryKey: queryKeys.letter.detail(receipt.threadId) });
    },
  });
};
