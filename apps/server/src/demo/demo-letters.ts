/** Letters the demo citizens find in their inbox on first start. */
import type { IncomingLetter } from '@innboks/core';
import { demoCitizen, demoCitizens, demoSenders } from './demo-data.ts';
import { linesPdf } from '@innboks/channels';
import { demoAppointment, demoTime } from './demo-appointments.ts';

const appointmentTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' });

interface DemoLetter {
  clientId: string;
  sentAt: Date;
  letter: IncomingLetter;
}

export async function demoLetters(now: Date): Promise<DemoLetter[]> {
  const kari = demoCitizens[0]!;
  const lars = demoCitizens.find((person) => person.services.length === 2)!;
  const emma = demoCitizen('Emma Nordmann');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const letter = (clientId: string, sentAt: Date, citizenId: string, fields: Partial<IncomingLetter> & Pick<IncomingLetter, 'subject' | 'textParts'>): DemoLetter => {
    const sender = demoSenders.find((candidate) => candidate.clientId === clientId)!;
    return {
      clientId,
      sentAt,
      letter: {
        citizenNationalId: citizenId,
        organizationNumber: sender.organizationNumber,
        senderDisplay: undefined,
        identifier: { system: `urn:demo:${clientId}`, value: `demo-${sentAt.getTime()}` },
        kind: 'letter',
        priority: 'routine',
        important: false,
        attachments: [],
        inResponseTo: undefined,
        ...fields,
      },
    };
  };
  const kneeStart = demoTime(now, 9, '10:00');
  const kneePlace = 'Sykehuset Østfjord, bygg 7, 2. etasje';
  const kneeAppointment = demoAppointment('sykehuset-ostfjord', kari.nationalId, 'demo-ortopedi-1', kneeStart, 30, {
    clinic: 'Ortopedisk poliklinikk',
    place: kneePlace,
    description: 'Kontroll etter kneoperasjon',
  });
  return [
    letter('sykehuset-ostfjord', hoursAgo(2), kari.nationalId, {
      senderDisplay: 'Ortopedisk poliklinikk',
      subject: 'Innkalling til poliklinisk time',
      kind: 'appointment-letter',
      important: true,
      about: { kind: 'contained', appointment: kneeAppointment.appointment },
      textParts: [
        'Du er satt opp til time ved Ortopedisk poliklinikk. Se vedlagt innkallingsbrev for tid og sted.',
        'Gi beskjed senest 24 timer før timen hvis den ikke passer, ellers kan du måtte betale gebyr.',
      ],
      attachments: [
        {
          title: 'Innkallingsbrev',
          contentType: 'application/pdf',
          position: 2,
          // The letter says the time and place are in here, so they are.
          data: await linesPdf([
            'Innkallingsbrev',
            'Ortopedisk poliklinikk, Sykehuset Østfjord HF',
            `Møtetid: ${appointmentTime.format(kneeStart)}`,
            `Møtested: ${kneePlace}`,
            'Gi beskjed senest 24 timer før timen hvis den ikke passer, ellers kan du måtte betale gebyr.',
          ]),
        },
      ],
    }),
    letter('elvegata-legekontor', hoursAgo(30), kari.nationalId, {
      subject: 'Svar på blodprøver',
      kind: 'message',
      textParts: ['Blodprøvene dine er fine. Ta kontakt hvis du har spørsmål.'],
    }),
    // Kari's survey and receipt are real forms: seed-forms.ts.
    // For the children: what each access code shows to whom (SENDER-API "Representation").
    letter('elvegata-legekontor', hoursAgo(6), emma.nationalId, {
      subject: 'Time for vaksinasjon',
      textParts: ['Emma har fått time til vaksinasjon på barneavdelingen.'],
    }),
    letter('elvegata-legekontor', hoursAgo(7), emma.nationalId, {
      subject: 'Samtale med helsesykepleier',
      textParts: ['Et brev bare for Emma.'],
      representativeAccess: 'NORN_FORANS',
    }),
    letter('drammen-helse-omsorg', hoursAgo(5), lars.nationalId, {
      senderDisplay: 'Hjemmesykepleien',
      subject: 'Endret besøkstid',
      kind: 'message',
      textParts: ['Hjemmesykepleien kommer kl. 10 i morgen i stedet for kl. 9.'],
    }),
  ];
}
