/** The Appointment part of GET /fhir/R4/metadata. */
import { appointmentKinds, appointmentStatuses, careAreas } from '@innboks/core';
import { extensions, systems } from './systems.ts';

export const appointmentCapability = {
  type: 'Appointment',
  documentation:
    `Appointments in the citizen's Timeavtaler. Create or replace with PUT Appointment?identifier=<system>|<value> (conditional update), ` +
    `or replace one by PUT Appointment/<id> (the body's id must be the URL's; the identifier cannot change; an unknown id is 404); ` +
    `both honour If-Match: W/"<versionId>" (412 when it is not the current version). ` +
    `or create with POST (If-None-Exist: identifier=<system>|<value>; the same identifier again answers 200 with the first). ` +
    `Required: identifier (one), status (${appointmentStatuses.join(', ')}), start, end (instants with a time zone), ` +
    `a participant that is the citizen (actor.identifier ${systems.nationalId} or ${systems.dNumber}) and one that is your organisation ` +
    `(actor.identifier ${systems.organizationNumber}; actor.display names the clinic). Optional: a Location participant (actor.type "Location", ` +
    `actor.display is the place), description, patientInstruction, appointmentType or serviceType with one coding from ${systems.appointmentKind} ` +
    `(${appointmentKinds.join(', ')}; video and phone carry no no-show fee), serviceCategory or serviceType with one coding from ` +
    `${systems.careArea} (${careAreas.join(', ')}; decides the fee). A moved or cancelled appointment is sent again with the same identifier. ` +
    `An appointment letter (Communication, category appointment-letter) refers to it with about: "#<contained id>", "Appointment/<id>" ` +
    `or an identifier. Citizens' replies are Communications found by Communication?recipient=…, with about the Appointment, ` +
    `reasonCode from ${systems.appointmentReply} and the extension ${extensions.lateReply} (sent less than 24 hours before the start).`,
  interaction: [{ code: 'create' }, { code: 'update' }, { code: 'read' }, { code: 'search-type' }],
  versioning: 'versioned-update',
  updateCreate: false,
  conditionalCreate: true,
  conditionalUpdate: true,
  searchParam: [{ name: 'identifier', type: 'token', documentation: '<system>|<value>: your own id for the appointment' }],
} as const;
