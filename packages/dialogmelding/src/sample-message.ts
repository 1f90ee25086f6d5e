/** A Dialogmelding an integrator can send as it is: the CLI's sample and the tests' starting point. */
import { randomUUID } from 'node:crypto';
import type { DialogMessage, Organisation } from './dialog-message.ts';

export function sampleDialogMessage(options: { sender: Organisation; receiver: Organisation; nationalId: string; kind?: 'notat' | 'foresporsel'; msgId?: string; genDate?: string }): DialogMessage {
  const question = options.kind === 'foresporsel';
  return {
    type: question ? 'DIALOG_FORESPORSEL' : 'DIALOG_NOTAT',
    msgId: options.msgId ?? randomUUID(),
    genDate: options.genDate ?? new Date().toISOString().slice(0, 19),
    ackRequested: true,
    sender: options.sender,
    receiver: options.receiver,
    patient: { nationalId: options.nationalId },
    body: question
      ? { kind: 'foresporsel', questionType: { v: '99', dn: 'Annen henvendelse' }, topic: 'Spørsmål om oppfølging', text: 'Har du fortsatt smerter i kneet etter operasjonen? Svar gjerne her.' }
      : { kind: 'notat', topic: 'Svar på blodprøver', text: 'Blodprøvene fra forrige uke er normale. Ingen videre oppfølging er nødvendig.' },
    attachments: [],
  };
}
