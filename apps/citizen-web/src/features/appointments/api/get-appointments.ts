import { queryOptions, useQuery } from '@tanstack/react-query';
import { appointmentListSchema, appointmentViewSchema, letterAppointmentSchema, type AppointmentList, type AppointmentView, type LetterAppointment } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** GET /api/appointments: upcoming soonest first, past newest first. */
export function getAppointments(signal?: AbortSignal): Promise<AppointmentList> {
  return request('/api/appointments', appointmentListSchema, { signal });
}

/** GET /api/appointments/:id. */
export function getAppointment(id: string, signal?: AbortSignal): Promise<AppointmentView> {
  return request(`/api/appointments/${encodeURIComponent(id)}`, appointmentViewSchema, { signal });
}

/** GET /api/letters/:id/appointment: the appointment a letter is about, or null. Does not mark the letter read. */
export function getLetterAppointment(letterId: string, signal?: AbortSignal): Promise<LetterAppointment> {
  return request(`/api/letters/${encodeURIComponent(letterId)}/appointment`, letterAppointmentSchema, { signal });
}

export const appointmentsQueryOptions = () => queryOptions({ queryKey: queryKeys.appointments.list, queryFn: ({ signal }) => getAppointments(signal) });

export const appointmentQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.appointments.detail(id), queryFn: ({ signal }) => getAppointment(id, signal) });

export const letterAppointmentQueryOptions = (letterId: string) =>
  queryOptions({ queryKey: queryKeys.appointments.forLetter(letterId), queryFn: ({ signal }) => getLetterAppointment(letterId, signal) });

export const useAppointments = () => useQuery(appointmentsQueryOptions());
export const useAppointment = (id: string) => useQuery(appointmentQueryOptions(id));
export const useLetterAppointment = (letterId: string) => useQuery(letterAppointmentQueryOptions(letterId));
