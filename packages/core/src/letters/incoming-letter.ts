import type { MessageKind } from '../inbox/category.ts';
import type { IncomingAppointment } from '../appointments/appointment.ts';
import type { RepresentativeAccess } from '../representation/representation-rules.ts';

/** A letter or message as a sender hands it over, already checked field by field. */
export interface IncomingLetter {
  citizenNationalId: string;
  organizationNumber: string;
  /** The service or department named by the sender, shown as the sender in the inbox. */
  senderDisplay: string | undefined;
  identifier: { system: string; value: string };
  subject: string;
  kind: MessageKind;
  priority: 'routine' | 'urgent';
  /** Important letters go on by the next channel when left unopened. */
  important: boolean;
  textParts: string[];
  attachments: IncomingAttachment[];
  /** Id of the message this one answers; it joins that thread. */
  inResponseTo: string | undefined;
  /** For an appointment letter: the appointment it is about. */
  about?: AppointmentReference | undefined;
  /** Who of the person's representatives may see it; undefined when the sender gave no code (the default by age applies). */
  representativeAccess?: RepresentativeAccess | undefined;
}

/** An Appointment sent with the letter (contained), or one sent before (by identifier or id). */
export type AppointmentReference =
  | { kind: 'contained'; appointment: IncomingAppointment }
  | { kind: 'identifier'; system: string; value: string }
  | { kind: 'id'; id: string };

export interface IncomingAttachment {
  title: string;
  contentType: string;
  data: Uint8Array;
  /** Where in the payload list it stood, so the order is kept. */
  position: number;
}

export const subjectMaxLength = 200;
export const textPartMaxLength = 100_000;
