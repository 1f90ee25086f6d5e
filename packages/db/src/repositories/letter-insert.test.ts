/** The new letter's one statement, as SQL text beside the code: a change to it shows in review. */
import { describe, expect, test } from 'vitest';
import type { IncomingLetter } from '@innboks/core';
import type { OrganizationRow } from '../schema.ts';
import { compileOnly } from '../testing/compile-only.ts';
import { sampleIncomingLetter } from '../testing/sample-rows.ts';
import { newThreadLetterSql } from './letter-insert.ts';
import { letterMessage, letterThread } from './letter-message.ts';

const hospital: OrganizationRow = {
  id: '00000000-0000-4000-8000-000000000001',
  org_number: '983974899',
  name: 'Sykehuset',
  kind: 'hospital',
  region: null,
  created_at: new Date('2026-01-01T00:00:00Z'),
  municipality: null,
};

const letter: IncomingLetter = sampleIncomingLetter('01810112345', { organizationNumber: hospital.org_number });

const attachment = { id: '00000000-0000-4000-8000-000000000003', position: 1, title: 'Epikrise', contentType: 'application/pdf', size: 3, sha256: 'x', data: new Uint8Array([1, 2, 3]) };

const compiled = (attachments: (typeof attachment)[]) =>
  newThreadLetterSql(
    letter.citizenNationalId,
    letterThread(hospital, letter),
    letterMessage(hospital, letter, '00000000-0000-4000-8000-000000000002', new Date('2026-03-20T09:00:00Z')),
    attachments,
  ).compile(compileOnly).sql;

describe('The new letter statement', () => {
  // With an attachment, so every part of the statement is in the snapshot; without, the `a` part is left out.
  test('a letter with an attachment is saved by the statement in the snapshot', async () => {
    await expect(compiled([attachment])).toMatchFileSnapshot('./__snapshots__/letter-insert.sql');
  });

  test('a letter without attachments leaves out only the attachment rows', () => {
    expect(compiled([])).not.toContain('insert into attachment');
    expect(compiled([])).toContain('insert into job');
  });
});
