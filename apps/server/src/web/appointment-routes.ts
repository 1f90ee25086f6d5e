/**
 * The citizen web API for appointments (contract: packages/contracts/src/appointments.ts).
 * Every route runs behind the citizen guard and reaches data only through the
 * citizen's scope (its CitizenAppointments), so another citizen's appointment or letter is
 * "not found", exactly like a missing one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { osloTimeZone, sendAppointmentReply, type Clock } from '@innboks/core';
import {
  appointmentProblemTypes,
  appointmentReplyRequestSchema,
  type AppointmentList,
  type AppointmentReplyReceipt,
  type AppointmentView,
  type LetterAppointment,
} from '@innboks/contracts';
import { HttpProblem, problems } from '../http/problem.ts';
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
const sentAtFormat = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: osloTimeZone });

/** A problem with a `type` the web app can tell apart. */
class TypedProblem extends HttpProblem {
  constructor(
    readonly type: string,
    status: number,
    title: string,
    detail: string,
  ) {
    super(status, title, detail);
  }

  override toJSON(instance?: string) {
    return { ...super.toJSON(instance), type: this.type };
  }
}

export async function registerAppointmentRoutes(app: FastifyInstance, options: AppointmentRouteOptions): Promise<void> {
  const { guards, clock } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const appointmentsOf = (request: FastifyRequest) => citizenScope(request).appointments;

  // The list reads from the replica when there is one (Timeavtaler is read far more than answered).
  routes.get('/api/appointments', { preHandler: guards.citizenReadOnly }, async (request): Promise<AppointmentList> => {
    const now = clock.now();
    const records = await appointmentsOf(request).list();
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
            throw new TypedProblem(appointmentProblemTypes.started, 409, 'Timen har begynt', 'Du kan ikke svare på en time som har begynt eller er over. Kontakt sykehuset direkte.');
          case 'cancelled':
            throw new TypedProblem(appointmentProblemTypes.cancelled, 409, 'Timen er avlyst', 'Timen er avlyst, så det er ikke noe å svare på.');
          case 'reason-not-offered':
            throw new TypedProblem(appointmentProblemTypes.reasonNotOffered, 422, 'Ikke mulig for denne timen', 'Sykehuset tar ikke imot denne typen svar på denne timen.');
          case 'already-answered':
            throw new TypedProblem(
              appointmentProblemTypes.alreadyAnswered,
              409,
              'Allerede sendt',
              `Du sendte dette svaret ${sentAtFormat.format(result.sentAt)}. Sykehuset har fått det; du trenger ikke sende det igjen.`,
            );
          case 'text-required':
            throw problems.badRequest([{ field: 'text', message: 'Skriv spørsmålet ditt' }]);
          case 'text-too-long':
            throw problems.badRequest([{ field: 'text', message: 'Teksten er for lang' }]);
        }
      }
      reply.code(201);
      return { messageId: result.messageId, threadId: result.threadId, late: result.late };
    },
  );
}
