/** An appointment as both its hospital and its citizen see it. */
export interface AppointmentDetails {
  id: string;
  status: string;
  start: Date;
  end: Date;
  kind: 'in-person' | 'video' | 'phone';
  careArea: 'somatic' | 'mental-health' | 'substance-abuse';
  clinic: string | null;
  place: string | null;
  description: string | null;
  patientInstruction: string | null;
  version: number;
  updatedAt: Date;
}
