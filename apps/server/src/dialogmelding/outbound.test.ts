import { describe, expect, test } from 'vitest';
import { syntheticNationalId } from '@innboks/core';
import { readDialogMessage, writeDialogMessage } from '@innboks/dialogmelding';
import type { AnswerToSend } from '@innboks/db';
import { answerMessage, DialogOutbound } from './outbound.ts';

const answer: AnswerToSend = {
  msgId: '3f2a0c1e-7b4d-4c59-9a51-0d6f1e2b3c4d',
  counterpartHerId: '8100012',
  counterpart: { name: 'Sykehuset Østfjord', herId: '8100012', organisationNumber: '983974899', department: { name: 'Ortopedisk poliklinikk', herId: undefined } },
  conversationId: 'question-1',
  refToParent: 'question-2',
  citizen: { nationalId: syntheticNationalId('1984-06-17', 42), name: 'Kari Nordmann' },
  subject: 'Spørsmål om oppfølging',
  textParts: ['Det går bedre nå.'],
  sentAt: new Date('2026-12-05T10:15:30.123Z'),
  answered: false,
};
const registered = { name: 'Sykehuset Østfjord HF', herId: '8100012' };

describe('A citizen’s answer as a Dialogmelding', () => {
  test('is a Svar på forespørsel to the department that asked, about the citizen, joined to the question, that reads back as the standard says', () => {
    const read = readDialogMessage(writeDialogMessage(answerMessage(answer, '8090001', registered)));
    expect(read).toMatchObject({
      type: 'DIALOG_SVAR',
      msgId: answer.msgId,
      ackRequested: true,
      conversationRef: { refToParent: 'question-2', refToConversation: 'question-1' },
      sender: { herId: '8090001' },
      receiver: { name: 'Sykehuset Østfjord', herId: '8100012', department: { name: 'Ortopedisk poliklinikk' } },
      patient: { nationalId: answer.citizen.nationalId, givenName: 'Kari', familyName: 'Nordmann' },
      body: { kind: 'notat', topic: 'Spørsmål om oppfølging', text: 'Det går bedre nå.' },
    });
  });

  test('written again is the same message, byte for byte', () => {
    expect(writeDialogMessage(answerMessage(answer, '8090001', registered))).toBe(writeDialogMessage(answerMessage(answer, '8090001', registered)));
  });

  test('goes to the registered name when the question’s sender was not kept', () => {
    expect(answerMessage({ ...answer, counterpart: null }, '8090001', registered).receiver).toEqual(registered);
  });

  test('with the door off it is not sent, and the job is told why', async () => {
    const outbound = new DialogOutbound({ amqpUrl: undefined, herId: '8090001', addressRegisterDir: '/nonexistent', cmsThreads: 0 });
    await expect(outbound.send(answer)).rejects.toThrow('the Dialogmelding door is off');
  });
});
