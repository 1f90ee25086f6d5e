/**
 * The citizen web API for appointments (contract: packages/contracts/src/appointments.ts).
 * Every route runs behind the citizen guard and reaches data only through the
 * citizen's scope (its CitizenAppointments), so another citizen's appointment or letter is
 * "not found", exactly like a missing one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendAppointmentReply, type Clock } from '@innboks/core';
import {
  appointmentProblemTypes,
  appointmentReplyRequestSchema,
  type AppointmentList,
  type AppointmentReplyReceipt,
  type AppointmentView,
  type LetterAppointment,
} from '@innboks/contracts';
import { problem, problems } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';
import type { AppointmentConfig } from '../appointments/appointment-config.ts';
import { splitByTime, toAppointmentView } from '../appointments/appointment-view.ts';

export interface AppointmentRouteOptions {
  guards: Guards;
  clock: Clock;
  appointments: AppointmentConfig;
}

const idParams = z.object({ id: z.string() });

export async function registerAppointmentRoutes(app: FastifyInstance, options: AppointmentRouteOptions): Promise<void> {
  const { guards, clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const appointmentsOf = (request: FastifyRequest) => citizenScope(request).appointments;

  // The list reads from the replica when there is one (Timeavtaler is read far more than answered).
  routes.get('/api/appointments', { preHandler: guards.citizenReadOnly }, async (request): Promise<AppointmentList> => {
    const now = clock.now();
    const records = await guards.readOnly(request, () => appointmentsOf(request).list());
    return splitByTime(
      records.map((record) => toAppointmentView(record, now, options.appointments)),
      now,
    );
  });

  routes.get('/api/appointments/:id', { preHandler: guards.citizen, schema: { params: idParams } }, async (request): Promise<AppointmentView> => {
    const record = await appointmentsOf(request).get(request.params.id);
    if (!record) throw problems.notFound();
    return toAppointmentView(record, clock.now(), options.appointments);
  });

  routes.get('/api/letters/:id/appointment', { preHandler: guards.citizen, schema: { params: idParams } }, async (request): Promise<LetterAppointment> => {
    const record = await appointmentsOf(request).forThread(request.params.id);
    if (record === undefined) throw problems.notFound();
    return { appointment: record ? toAppointmentView(record, clock.now(), options.appointments) : null };
  });

  routes.post(
    '/api/appointments/:id/replies',
    { preHandler: guards.citizen, schema: { params: idParams, body: appointmentReplyRequestSchema } },
    async (request, reply): Promise<AppointmentReplyReceipt> => {
      const appointments = appointmentsOf(request);
      const result = await appointments.replyTransaction((store) =>
        sendAppointmentReply(store, { appointmentId: request.params.id, reason: request.body.reason, text: request.body.text }, { clock, configuredModes: options.appointments.replyModes }),
      );
      if (!result.ok) {
        switch (result.problem) {
          case 'not-found':
            throw problems.notFound();
          case 'started':
            throw problem(409, 'appointmentStarted', { type: appointmentProblemTypes.started });
          case 'cancelled':
            throw problem(409, 'appointmentCancelled', { type: appointmentProblemTypes.cancelled });
          case 'reason-not-offered':
            throw problem(422, 'replyReasonNotOffered', { type: appointmentProblemTypes.reasonNotOffered });
          case 'already-answered':
            throw problem(409, 'appointmentAlreadyAnswered', { type: appointmentProblemTypes.alreadyAnswered, params: { sentAt: result.sentAt } });
          case 'text-required':
            throw problems.badRequest([{ field: 'text', says: 'questionRequired' }]);
          case 'text-too-long':
            throw problems.badRequest([{ field: 'text', says: 'replyTooLong' }]);
        }
      }
      reply.code(201);
      return { messageId: result.messageId, threadId: result.threadId, late: result.late };
    },
  );
}
