import { describe, expect, it } from 'vitest';
import { appRecError, appRecIdFor, readAppRec, writeAppRec, type AppRec } from './apprec.ts';
import { StructureInvalid } from './xml-reader.ts';

const receipt: AppRec = {
  id: appRecIdFor('8142519', 'msg-1'),
  genDate: '2026-12-05T10:00:01',
  status: '2',
  errors: [appRecError('patientNotFound', 'ukjent fødselsnummer')],
  sender: { name: 'Innboks', herId: '8090001' },
  receiver: { name: 'Sykehuset Østfjord', herId: '8142519' },
  original: { msgType: 'DIALOG_NOTAT', msgId: 'msg-1', issueDate: '2026-12-05T10:00:00' },
};

describe('AppRec', () => {
  it('a rejection is read back with its status, error code and the message it answers', () => {
    expect(readAppRec(writeAppRec(receipt))).toMatchObject({ status: '2', errors: [{ code: 'E35', details: 'ukjent fødselsnummer' }], original: { msgId: 'msg-1' }, receiver: { herId: '8142519' } });
  });

  it('the receipt to one message has the same id every time, and another message another', () => {
    expect(appRecIdFor('8142519', 'msg-1')).toBe(receipt.id);
    expect(appRecIdFor('8142519', 'msg-2')).not.toBe(receipt.id);
    expect(receipt.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a rejection without an error code is not a valid AppRec', () => {
    expect(() => readAppRec(writeAppRec({ ...receipt, errors: [] }))).toThrow(StructureInvalid);
  });
});
